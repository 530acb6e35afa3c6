package gongkai.search.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.search.SearchIndex;

/**
 * At start, after the reference data and demo records: brings the index in step with the published records by
 * content — rebuilt when it is missing (a new data folder, an in-memory index, a lost disk), otherwise repaired where
 * a document is missing, stale or left over, even when the counts agree (a crash between a record's commit and its
 * document's, a restored backup of one but not the other).
 */
@Component
@Order(300)
class SearchIndexStartup implements ApplicationRunner {

    private final SearchIndex index;
    /** Off only where the index is fed from elsewhere (the search benchmark reusing its generated index). */
    private final boolean rebuildAtStart;

    SearchIndexStartup(SearchIndex index, @Value("${gongkai.search.rebuild-at-start:true}") boolean rebuildAtStart) {
        this.index = index;
        this.rebuildAtStart = rebuildAtStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!rebuildAtStart) {
            return;
        }
        index.repair();
    }
}
