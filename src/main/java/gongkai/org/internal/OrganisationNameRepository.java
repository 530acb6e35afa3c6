package gongkai.org.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationNameRepository extends JpaRepository<OrganisationNameEntity, Long> {

    List<OrganisationNameEntity> findByOrgCodeOrderByIdAsc(String orgCode);
}
