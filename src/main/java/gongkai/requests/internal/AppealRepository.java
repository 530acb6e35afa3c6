package gongkai.requests.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppealRepository extends JpaRepository<AppealEntity, Long> {

    List<AppealEntity> findByRequestIdOrderByFiledOnAscIdAsc(Long requestId);

    /**
     * The cases filed in [first, last] against the bodies' requests, by kind and result, with how many of each were
     * decided by {@code last}: rows of {@code kind, result, decided by last, all}.
     */
    @Query("select a.kind, a.result, sum(case when a.decidedOn <= :last then 1 else 0 end), count(a) "
            + "from AppealEntity a, InformationRequestEntity r where a.requestId = r.id and r.orgCode in :orgs "
            + "and a.filedOn >= :first and a.filedOn <= :last group by a.kind, a.result")
    List<Object[]> countsByKindAndResult(Collection<String> orgs, LocalDate first, LocalDate last);
}
