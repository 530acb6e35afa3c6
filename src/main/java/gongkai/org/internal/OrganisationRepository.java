package gongkai.org.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<OrganisationEntity, String> {

    List<OrganisationEntity> findAllByOrderBySortOrderAscCodeAsc();

    List<OrganisationEntity> findByRegionCodeOrderBySortOrderAsc(String regionCode);

    List<OrganisationEntity> findByRegulatorOrderBySortOrderAscCodeAsc(String regulator);

    java.util.Optional<OrganisationEntity> findTopByOrderBySortOrderDesc();
}
