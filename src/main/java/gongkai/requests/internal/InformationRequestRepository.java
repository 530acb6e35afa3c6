package gongkai.requests.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import gongkai.requests.RequestEvent;
import gongkai.requests.RequestPhase;

public interface InformationRequestRepository extends JpaRepository<InformationRequestEntity, Long> {

    Optional<InformationRequestEntity> findByTrackingNo(String trackingNo);

    /** The next id; {@code nextval} works on PostgreSQL and on H2 in PostgreSQL mode. */
    @Query(value = "SELECT nextval('info_request_seq')", nativeQuery = true)
    long nextId();

    List<InformationRequestEntity> findByOrgCodeAndPhaseInOrderByIdAsc(String orgCode,
            Collection<RequestPhase> phases);

    List<InformationRequestEntity> findByOrgCodeAndPhaseOrderByAnsweredOnDescIdDesc(String orgCode,
            RequestPhase phase, Pageable page);

    boolean existsByHumanCheckNonce(String nonce);

    List<InformationRequestEntity> findByPhaseNot(RequestPhase phase);

    /**
     * Every organisation's figures of a year in one pass over the requests table 三 counts (received by the year's
     * end, not answered before it began), for the assessment.
     */
    @Query("select new gongkai.requests.RequestFigures(r.orgCode, "
            + "sum(case when r.answeredOn <= :last then 1 else 0 end), "
            + "sum(case when r.answeredOn <= :last and r.dueOn is not null and r.lateAnswer = false then 1 else 0 end), "
            + "sum(case when r.answeredOn <= :last and r.dueOn is not null and r.lateAnswer = true then 1 else 0 end), "
            + "sum(case when r.phase = gongkai.requests.RequestPhase.RUNNING and r.dueOn < :today then 1 else 0 end), "
            + "sum(case when r.answeredOn <= :last and r.outcome in :disclosing then 1 else 0 end)) "
            + "from InformationRequestEntity r where r.receivedOn <= :last "
            + "and (r.answeredOn is null or r.answeredOn >= :first) group by r.orgCode")
    List<gongkai.requests.RequestFigures> figures(LocalDate first, LocalDate last, LocalDate today,
            java.util.Collection<gongkai.requests.RequestOutcome> disclosing);

    /** The requests that table 三 of a year counts: received by its end, not answered before it began. */
    @Query("select r from InformationRequestEntity r where r.orgCode = :org and r.receivedOn <= :last "
            + "and (r.answeredOn is null or r.answeredOn >= :first)")
    List<InformationRequestEntity> inYear(String org, LocalDate first, LocalDate last);

    /** How many of the applicant's requests to the organisation in the month came up to this one (itself included). */
    @Query("select count(r) from InformationRequestEntity r where r.applicantKey = :key and r.orgCode = :org "
            + "and r.receivedOn >= :first and (r.receivedOn < :receivedOn or (r.receivedOn = :receivedOn and r.id <= :id))")
    long rankInMonth(String key, String org, LocalDate first, LocalDate receivedOn, Long id);

    /** The same over the whole platform; a request sent on to another organisation counts once. */
    @Query("select count(r) from InformationRequestEntity r where r.applicantKey = :key and r.transferredFrom is null "
            + "and r.receivedOn >= :first and (r.receivedOn < :receivedOn or (r.receivedOn = :receivedOn and r.id <= :id))")
    long rankInMonthOnPlatform(String key, LocalDate first, LocalDate receivedOn, Long id);

    /** How many of the bodies' requests had a step of {@code paid} dated in [first, last], and their fees' sum. */
    @Query("select count(r), sum(r.feeAmount) from InformationRequestEntity r, RequestEventEntity e "
            + "where e.requestId = r.id and e.kind = :paid and e.onDate >= :first and e.onDate <= :last "
            + "and r.orgCode in :orgs")
    List<Object[]> feesPaid(Collection<String> orgs, LocalDate first, LocalDate last, RequestEvent.Kind paid);

    @Query("select count(distinct r.applicantKey) from InformationRequestEntity r where r.id in :ids")
    long distinctApplicants(Collection<Long> ids);
}
