package gongkai.publishing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.publishing.internal.PublicationFactsRepository;

/**
 * What supervision reads of publishing: first publications by item, body and period, without loading any record's
 * text. Withdrawn records do not count (the information is no longer out), nor do drafts. Every answer is one
 * aggregate query, so the assessment of a year over a million records stays quick.
 */
@Service
@Transactional(readOnly = true)
public class PeriodicPublications {

    private final PublicationFactsRepository facts;

    PeriodicPublications(PublicationFactsRepository facts) {
        this.facts = facts;
    }

    /** Records of these scheduled items whose period lies in the year, oldest publication first. */
    public List<PeriodicPublication> of(Collection<String> catalogItems, int year) {
        if (catalogItems.isEmpty()) {
            return List.of();
        }
        return facts.periodic(catalogItems, year + "%", RecordStatus.WITHDRAWN);
    }

    /** The first record of the item by the body published at or after {@code since}: what answers an event. */
    public Optional<PeriodicPublication> firstSince(String catalogItem, String org, Instant since) {
        return facts.firstSince(catalogItem, org, since, RecordStatus.WITHDRAWN, Limit.of(1)).stream().findFirst();
    }

    /**
     * For each body and each of its items, when it last published there (null: never). One short index read per
     * pair, so a city's few thousand columns cost milliseconds whatever the number of records.
     */
    public List<ItemActivity> activity(java.util.Map<String, ? extends Collection<String>> itemsByOrg) {
        List<ItemActivity> out = new java.util.ArrayList<>();
        itemsByOrg.forEach((org, items) -> {
            for (String item : items) {
                var latest = facts.latestEver(item, org, Limit.of(1)).stream().findFirst();
                Instant last = latest.map(l -> l.firstPublishedAt()).orElse(null);
                if (latest.isPresent() && latest.get().status() == RecordStatus.WITHDRAWN) {
                    // The latest was withdrawn (rare): the longer read that skips withdrawn records.
                    last = facts.latest(item, org, RecordStatus.WITHDRAWN, Limit.of(1)).stream().findFirst()
                            .orElse(null);
                }
                out.add(new ItemActivity(item, org, last));
            }
        });
        return out;
    }

    /** Policy documents of these items first published in [from, to), with their first interpretation. */
    public List<PolicyPublication> policies(Collection<String> policyItems, Instant from, Instant to) {
        if (policyItems.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Instant> interpreted = new java.util.HashMap<>();
        for (Object[] row : facts.firstInterpretations(policyItems, from, to, RecordStatus.WITHDRAWN)) {
            interpreted.put((Long) row[0], (Instant) row[1]);
        }
        return facts.policies(policyItems, from, to, RecordStatus.WITHDRAWN).stream()
                .map(p -> new PolicyPublication(p.id(), p.org(), p.firstPublishedAt(), interpreted.get(p.id()),
                        p.noInterpretationReason()))
                .toList();
    }

    /** The index number and title of these records, as {@code 索引号 名称}, by record id. */
    public java.util.Map<Long, String> names(Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : facts.titles(ids)) {
                out.put((Long) row[0], row[1] + " " + row[2]);
            }
        }
        return out;
    }
}
