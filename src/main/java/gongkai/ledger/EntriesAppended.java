package gongkai.ledger;

import java.util.List;

/**
 * Entries were appended to the log, committed with them. A record's page shows the newest entry about its version,
 * so the page changes when the entry arrives, a moment after the publication, revision or withdrawal itself.
 *
 * @param indexNos the index numbers the new entries are about ({@code catalog/<item code>} for catalogue amendments)
 */
public record EntriesAppended(List<String> indexNos) {

    public EntriesAppended {
        indexNos = List.copyOf(indexNos);
    }
}
