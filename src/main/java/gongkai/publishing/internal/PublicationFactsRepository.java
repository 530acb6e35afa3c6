package gongkai.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import gongkai.publishing.DocumentCategory;
import gongkai.publishing.PeriodicPublication;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.Validity;

/** Aggregate reads of records for supervision and the annual report; none loads an entity. */
public interface PublicationFactsRepository extends Repository<RecordEntity, Long> {

    @Query("select new gongkai.publishing.PeriodicPublication(r.catalogItem, r.orgCode, r.content.period, r.indexNo, "
            + "r.firstPublishedAt) from RecordEntity r where r.catalogItem in :items and r.content.period like :prefix "
            + "and r.firstPublishedAt is not null and r.status <> :withdrawn order by r.firstPublishedAt, r.id")
    List<PeriodicPublication> periodic(Collection<String> items, String prefix, RecordStatus withdrawn);

    @Query("select new gongkai.publishing.PeriodicPublication(r.catalogItem, r.orgCode, r.content.period, r.indexNo, "
            + "r.firstPublishedAt) from RecordEntity r where r.catalogItem = :item and r.orgCode = :org "
            + "and r.firstPublishedAt >= :since and r.status <> :withdrawn "
            + "order by r.catalogItem, r.orgCode, r.firstPublishedAt")
    List<PeriodicPublication> firstSince(String item, String org, Instant since, RecordStatus withdrawn, Limit limit);

    /**
     * The latest first publication of the item by the body, withdrawn or not, with that record's status: the last
     * entry of one range of the (catalog_item, org_code, first_published_at) index. The order names all three columns
     * so that H2 reads the index backwards and stops at the first row (with {@code max()}, or with the last column
     * alone, it reads the whole range: thousands of rows for an event item); PostgreSQL does the same.
     */
    @Query("select new gongkai.publishing.internal.LatestPublication(r.firstPublishedAt, r.status) from RecordEntity r "
            + "where r.catalogItem = :item and r.orgCode = :org and r.firstPublishedAt is not null "
            + "order by r.catalogItem desc, r.orgCode desc, r.firstPublishedAt desc")
    List<LatestPublication> latestEver(String item, String org, Limit limit);

    @Query("select r.firstPublishedAt from RecordEntity r where r.catalogItem = :item and r.orgCode = :org "
            + "and r.firstPublishedAt is not null and r.status <> :withdrawn "
            + "order by r.catalogItem desc, r.orgCode desc, r.firstPublishedAt desc")
    List<Instant> latest(String item, String org, RecordStatus withdrawn, Limit limit);

    @Query("select new gongkai.publishing.internal.PolicyRow(r.id, r.orgCode, r.firstPublishedAt, "
            + "r.noInterpretationReason) from RecordEntity r where r.catalogItem in :items "
            + "and r.firstPublishedAt >= :from and r.firstPublishedAt < :to and r.status <> :withdrawn")
    List<PolicyRow> policies(Collection<String> items, Instant from, Instant to, RecordStatus withdrawn);

    /**
     * For each of the categories, among the bodies' records out now, with the category of their current published
     * version: how many were first published in [from, to), how many ceased to be in force in the year ending on
     * {@code last} (not by {@code lastBefore}, by {@code last}), and how many were published and in force on
     * {@code last}. A document ceases on the day of its repeal or the day after its 有效期至. See
     * {@code NormativeDocuments#figures}.
     */
    @Query("select new gongkai.publishing.internal.NormativeRow(v.content.documentCategory, "
            + "sum(case when r.firstPublishedAt >= :from and r.firstPublishedAt < :to then 1 else 0 end), "
            + "sum(case when ((v.content.validUntil is not null and v.content.validUntil < :last) "
            + "  or (r.validity = :repealed and r.validitySince <= :last)) "
            + " and (v.content.validUntil is null or v.content.validUntil >= :lastBefore) "
            + " and (r.validity <> :repealed or r.validitySince > :lastBefore) then 1 else 0 end), "
            + "sum(case when r.firstPublishedAt < :to "
            + " and (v.content.validUntil is null or v.content.validUntil >= :last) "
            + " and (r.validity <> :repealed or r.validitySince > :last) then 1 else 0 end)) "
            + "from RecordEntity r, RecordVersionEntity v where v.recordId = r.id and v.version = r.publishedVersion "
            + "and r.publishedVersion > 0 and r.status <> :withdrawn and r.orgCode in :orgs "
            + "and v.content.documentCategory in :categories group by v.content.documentCategory")
    List<NormativeRow> normative(Collection<String> orgs, Collection<DocumentCategory> categories, Instant from,
            Instant to, LocalDate last, LocalDate lastBefore, Validity repealed, RecordStatus withdrawn);

    @Query("select r.id, r.indexNo, r.content.title from RecordEntity r where r.id in :ids")
    List<Object[]> titles(Collection<Long> ids);

    /**
     * For the policies of those items first published in [from, to) that have an interpretation out, the policy's id
     * and when its first interpretation was first published: from the year's policies through the interpretation
     * index, never a pass over every record.
     */
    @Query("select p.id, min(i.firstPublishedAt) from RecordEntity p, RecordEntity i where i.interpretationOf = p.id "
            + "and p.catalogItem in :items and p.firstPublishedAt >= :from and p.firstPublishedAt < :to "
            + "and i.firstPublishedAt is not null and i.status <> :withdrawn group by p.id")
    List<Object[]> firstInterpretations(Collection<String> items, Instant from, Instant to, RecordStatus withdrawn);
}
