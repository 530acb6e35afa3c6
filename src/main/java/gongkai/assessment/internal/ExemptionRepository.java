package gongkai.assessment.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExemptionRepository extends JpaRepository<ExemptionEntity, Long> {

    List<ExemptionEntity> findByOrgCodeOrderByIdDesc(String org);

    Optional<ExemptionEntity> findByOrgCodeAndCatalogItemAndPeriod(String org, String item, String period);
}
