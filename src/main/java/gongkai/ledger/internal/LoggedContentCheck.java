package gongkai.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.ledger.LedgerEntry;
import gongkai.ledger.LedgerEntry.Action;
import gongkai.ledger.internal.LedgerSelfCheck.Kind;
import gongkai.ledger.internal.LedgerSelfCheck.Problem;
import gongkai.publishing.PublicationState;
import gongkai.publishing.PublishedContent;
import gongkai.publishing.Records;

/**
 * The half of the self-check that looks outside the log: what publishing and the catalogue hold now, hashed again,
 * against the entries logged for them. The log's own structure (leaves, subtrees, heads) is checked by
 * {@link LedgerSelfCheck}.
 */
@Component
class LoggedContentCheck {

    private static final int RECORD_PAGE = 500;

    private final LedgerStore store;
    private final Records records;
    private final Catalog catalog;
    private final LedgerProperties properties;

    LoggedContentCheck(LedgerStore store, Records records, Catalog catalog, LedgerProperties properties) {
        this.store = store;
        this.records = records;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Every published record: each version's content against its entry, its state against its newest entry. */
    long checkRecords(Instant now, List<Problem> problems) {
        Instant recent = now.minus(properties.selfCheck().grace());
        long after = 0;
        long checked = 0;
        List<PublicationState> page;
        do {
            page = records.publicationStates(after, RECORD_PAGE);
            for (PublicationState state : page) {
                after = state.recordId();
                checked++;
                List<Problem> found = checkRecord(state, recent);
                if (!found.isEmpty()) {
                    // The record may have moved on while it was being checked: look once more before alerting.
                    found = records.publicationStates(state.recordId() - 1, 1).stream()
                            .filter(s -> s.recordId() == state.recordId()).findFirst()
                            .map(s -> checkRecord(s, recent)).orElse(List.of());
                }
                problems.addAll(found);
            }
        } while (page.size() == RECORD_PAGE);
        return checked;
    }

    private List<Problem> checkRecord(PublicationState state, Instant recent) {
        List<Problem> problems = new ArrayList<>();
        List<LedgerEntry> logged = new ArrayList<>();
        for (LedgerStore.Leaf leaf : store.allFor(state.indexNo())) {
            try {
                logged.add(LedgerEntry.parse(leaf.entry()));
            } catch (IllegalArgumentException e) {
                // Reported with the leaves.
            }
        }
        boolean settling = state.changedAt() != null && state.changedAt().isAfter(recent);
        String withdrawnSha = null;
        for (int v = 1; v <= state.version(); v++) {
            int version = v;
            Optional<PublishedContent> content = records.publishedContent(state.indexNo(), v);
            if (content.isEmpty()) {
                continue;
            }
            String sha = content.get().sha256();
            withdrawnSha = sha;
            Action action = v == 1 ? Action.PUBLISH : Action.REVISE;
            String subject = state.indexNo() + " 第" + v + "版";
            Optional<LedgerEntry> entry = logged.stream()
                    .filter(e -> e.action() == action && e.version() == version).reduce((a, b) -> b);
            if (entry.isEmpty()) {
                if (!(settling && v == state.version())) {
                    problems.add(new Problem(Kind.MISSING_ENTRY, subject, action + " 条目", "无"));
                }
            } else if (!entry.get().contentSha256().equals(sha)) {
                problems.add(new Problem(Kind.CONTENT_MISMATCH, subject, entry.get().contentSha256(), sha));
            }
        }
        Action expected = state.withdrawn() ? Action.WITHDRAW : state.version() == 1 ? Action.PUBLISH : Action.REVISE;
        LedgerEntry newest = logged.isEmpty() ? null : logged.get(logged.size() - 1);
        if (newest == null || newest.action() != expected || newest.version() != state.version()) {
            if (!settling) {
                problems.add(new Problem(Kind.STATE_MISMATCH, state.indexNo(), expected + " 第" + state.version() + "版",
                        newest == null ? "无条目" : newest.action() + " 第" + newest.version() + "版"));
            }
        } else if (expected == Action.WITHDRAW && withdrawnSha != null
                && !newest.contentSha256().equals(withdrawnSha)) {
            problems.add(new Problem(Kind.CONTENT_MISMATCH, state.indexNo() + " 撤回的第" + state.version() + "版",
                    newest.contentSha256(), withdrawnSha));
        }
        return problems;
    }

    /** Each logged catalogue item against its newest entry. */
    void checkCatalogue(List<Problem> problems) {
        for (String indexNo : store.catalogIndexNumbers()) {
            String code = indexNo.substring(LedgerEntry.CATALOG_PREFIX.length());
            List<LedgerStore.Leaf> leaves = store.allFor(indexNo);
            String logged;
            try {
                logged = LedgerEntry.parse(leaves.get(leaves.size() - 1).entry()).contentSha256();
            } catch (IllegalArgumentException e) {
                continue;
            }
            String now = catalog.item(code).map(CatalogItem::contentSha256).orElse("（目录中已无此事项）");
            if (!logged.equals(now)) {
                problems.add(new Problem(Kind.CATALOG_MISMATCH, "目录事项 " + code, logged, now));
            }
        }
    }
}
