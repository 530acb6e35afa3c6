package gongkai.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gongkai.ledger.internal.LedgerWriter;
import gongkai.shared.CanonicalJson;

/** Entries about no record (index numbers under {@code test/}), appended the way the listener appends. */
final class TestEntries {

    private TestEntries() {
    }

    static LedgerWriter.Pending one() {
        String id = UUID.randomUUID().toString();
        return new LedgerWriter.Pending("TEST|" + id, new LedgerEntry(LedgerEntry.Action.PUBLISH, "test/" + id, 1,
                CanonicalJson.sha256Hex(id), Instant.now()));
    }

    /** Appends {@code count} entries, one transaction (and one head) each. */
    static void appendEach(LedgerWriter writer, int count) {
        for (int i = 0; i < count; i++) {
            writer.append(List.of(one()));
        }
    }

    static List<LedgerWriter.Pending> batch(int count) {
        List<LedgerWriter.Pending> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(one());
        }
        return batch;
    }
}
