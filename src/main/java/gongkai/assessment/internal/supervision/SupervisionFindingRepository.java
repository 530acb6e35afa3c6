package gongkai.assessment.internal.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import gongkai.assessment.FindingStatus;

public interface SupervisionFindingRepository extends JpaRepository<SupervisionFindingEntity, Long> {

    List<SupervisionFindingEntity> findByOrgCodeAndCheckedOnBetweenOrderByIdAsc(String orgCode, LocalDate from,
            LocalDate to);

    List<SupervisionFindingEntity> findByStatusInAndDeadlineBeforeOrderByDeadlineAscIdAsc(
            Collection<FindingStatus> statuses, LocalDate before);

    List<SupervisionFindingEntity> findByCheckIdInOrderByIdAsc(Collection<Long> checkIds);

    List<SupervisionFindingEntity> findByOrderByIdDesc(org.springframework.data.domain.Limit limit);

    List<SupervisionFindingEntity> findByOrgCodeOrderByIdDesc(String orgCode, org.springframework.data.domain.Limit limit);
}
