package gongkai.assessment.internal.supervision;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionSummaryRepository extends JpaRepository<SupervisionSummaryEntity, String> {

    List<SupervisionSummaryEntity> findAllByOrderByQuarterDesc();
}
