package gongkai.assessment.internal.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionCheckRepository extends JpaRepository<SupervisionCheckEntity, Long> {

    List<SupervisionCheckEntity> findByCheckedOnBetweenOrderByOrgCodeAscCheckedOnAscIdAsc(LocalDate from,
            LocalDate to);

    List<SupervisionCheckEntity> findBySourceAndCheckedBy(gongkai.assessment.FindingSource source, String checkedBy);
}
