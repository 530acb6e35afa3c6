package gongkai.publishing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;

import gongkai.catalog.Audience;
import gongkai.publishing.PublicVersion;
import gongkai.publishing.RecordStatus;

public interface RecordRepository extends JpaRepository<RecordEntity, Long>, JpaSpecificationExecutor<RecordEntity> {

    Optional<RecordEntity> findByIndexNo(String indexNo);

    boolean existsByDemoTrue();

    List<RecordEntity> findByInterpretationOf(Long policyId);

    Page<RecordEntity> findByStatusInAndOrgCodeInOrderByUpdatedAtDesc(Collection<RecordStatus> statuses,
            Collection<String> orgs, Pageable page);

    Page<RecordEntity> findByStatusInOrderByUpdatedAtDesc(Collection<RecordStatus> statuses, Pageable page);

    long countByStatusAndOrgCodeIn(RecordStatus status, Collection<String> orgs);

    long countByStatus(RecordStatus status);

    Page<RecordEntity> findByStatusInAndCreatedByOrderByUpdatedAtDesc(Collection<RecordStatus> statuses,
            String createdBy, Pageable page);

    long countByStatusAndCreatedBy(RecordStatus status, String createdBy);

    /** Where a published record stands, without its texts (integrity checks go through every record). */
    interface PublishedRow {
        Long getId();

        String getIndexNo();

        int getPublishedVersion();

        RecordStatus getStatus();

        Instant getLastPublishedAt();

        Instant getWithdrawnAt();
    }

    List<PublishedRow> findByPublishedVersionGreaterThanAndIdGreaterThanOrderByIdAsc(int version, Long afterId,
            Limit limit);

    /**
     * The current published versions of records open to everyone, by record id after {@code afterId}: one page of
     * a walk through all of them that reads no texts (the search index's check at start).
     */
    @Query("select new gongkai.publishing.PublicVersion(r.id, r.indexNo, v.contentSha256) "
            + "from RecordEntity r, RecordVersionEntity v where v.recordId = r.id and v.version = r.publishedVersion "
            + "and r.publishedVersion > 0 and r.status <> :withdrawn and r.content.audience = :audience "
            + "and r.id > :afterId order by r.id")
    List<PublicVersion> findPublicVersions(Long afterId, RecordStatus withdrawn, Audience audience, Limit limit);

    /**
     * The region of the current published version of a record open to everyone, by index number: one column, for a
     * page that needs the region and nothing else of the record.
     */
    @Query("select v.content.regionCode from RecordEntity r, RecordVersionEntity v where v.recordId = r.id "
            + "and v.version = r.publishedVersion and r.indexNo = :indexNo and r.publishedVersion > 0 "
            + "and r.status <> :withdrawn and v.content.audience = :audience")
    Optional<String> findPublishedRegion(String indexNo, RecordStatus withdrawn, Audience audience);

    List<RecordEntity> findByStatusAndScheduledAtLessThanEqual(RecordStatus status, Instant now);

    /** Claims a due scheduled record for this node: only one node's update matches. */
    @Modifying
    @Query("update RecordEntity r set r.status = gongkai.publishing.RecordStatus.REVIEWED "
            + "where r.id = :id and r.status = gongkai.publishing.RecordStatus.SCHEDULED")
    int claimScheduled(Long id);
}
