package gongkai.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ObligationFlagRepository extends JpaRepository<ObligationFlagEntity, Long> {

    List<ObligationFlagEntity> findByOrgCodeOrderByKindAscDueOnAsc(String org);

    @Modifying
    @Query("delete from ObligationFlagEntity")
    void deleteEverything();

    /** Claims today's run of a daily job: only the first node's update matches. */
    @Modifying
    @Query(value = "UPDATE assessment_job SET ran_on = :today WHERE name = :job AND (ran_on IS NULL OR ran_on < :today)",
            nativeQuery = true)
    int claim(String job, LocalDate today);
}
