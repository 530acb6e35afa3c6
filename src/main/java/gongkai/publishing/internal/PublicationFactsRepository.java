package gongkai.publishing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import gongkai.publishing.ItemActivity;
import gongkai.publishing.PeriodicPublication;
import gongkai.publishing.PolicyPublication;
import gongkai.publishing.RecordStatus;

/** Aggregate reads of records for supervision; none loads an entity. */
public interface PublicationFactsRepository extends Repository<RecordEntity, Long> {

    @Query("select new gongkai.publishing.PeriodicPublication(r.catalogItem, r.orgCode, r.content.period, r.indexNo, "
            + "r.firstPublishedAt) from RecordEntity r where r.catalogItem in :items and r.content.period like :prefix "
            + "and r.firstPublishedAt is not null and r.status <> :withdrawn order by r.firstPublishedAt, r.id")
    List<PeriodicPublication> periodic(Collection<String> items, String prefix, RecordStatus withdrawn);

    @Query("select new gongkai.publishing.PeriodicPublication(r.catalogItem, r.orgCode, r.content.period, r.indexNo, "
            + "r.firstPublishedAt) from RecordEntity r where r.catalogItem = :item and r.orgCode = :org "
            + "and r.firstPublishedAt >= :since and r.status <> :withdrawn order by r.firstPublishedAt")
    List<PeriodicPublication> firstSince(String item, String org, Instant since, RecordStatus withdrawn, Limit limit);

    @Query("select new gongkai.publishing.ItemActivity(r.catalogItem, r.orgCode, count(r), max(r.firstPublishedAt)) "
            + "from RecordEntity r where r.firstPublishedAt is not null and r.status <> :withdrawn "
            + "group by r.catalogItem, r.orgCode")
    List<ItemActivity> activity(RecordStatus withdrawn);

    @Query("select new gongkai.publishing.PolicyPublication(r.orgCode, r.indexNo, r.content.title, r.firstPublishedAt, "
            + "(select min(i.firstPublishedAt) from RecordEntity i where i.interpretationOf = r.id "
            + "and i.firstPublishedAt is not null and i.status <> :withdrawn), r.noInterpretationReason) "
            + "from RecordEntity r where r.catalogItem in :items and r.firstPublishedAt >= :from "
            + "and r.firstPublishedAt < :to and r.status <> :withdrawn")
    List<PolicyPublication> policies(Collection<String> items, Instant from, Instant to, RecordStatus withdrawn);
}
