package gongkai.publishing;

import java.util.Optional;

/**
 * Where each publication, revision and withdrawal is logged verifiably (the transparency log). Implemented by the
 * ledger module, which listens to this module's events; publishing only reads it, to show a version's entry on the
 * record page and in the record's JSON. An interface here keeps the dependency one way (ledger → publishing).
 */
public interface PublicationLog {

    /**
     * The newest log entry about this version of the record: its withdrawal if it was withdrawn, else its
     * publication or revision. Empty while the entry is not yet appended.
     */
    Optional<Entry> entryFor(String indexNo, int version);

    /**
     * One log entry as API.md gives it: the canonical JSON text verbatim, its position and its RFC 6962 leaf hash
     * (lowercase hex).
     */
    record Entry(String entry, long leafIndex, String leafHash) {
    }
}
