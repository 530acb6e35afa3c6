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

    /** Per item and body: how many records are out and the latest publication. */
    public List<ItemActivity> activity() {
        return facts.activity(RecordStatus.WITHDRAWN);
    }

    /** Policy documents of these items first published in [from, to), with their first interpretation. */
    public List<PolicyPublication> policies(Collection<String> policyItems, Instant from, Instant to) {
        if (policyItems.isEmpty()) {
            return List.of();
        }
        return facts.policies(policyItems, from, to, RecordStatus.WITHDRAWN);
    }
}
