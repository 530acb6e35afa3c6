package gongkai.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.search.SearchIndex;

/**
 * At start, after the reference data and demo records: rebuilds the index when it is missing (a new data folder,
 * an in-memory index, a lost disk) or out of step with the published records.
 */
@Component
@Order(300)
class SearchIndexStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);

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
        SearchIndex.Status status = index.status();
        if (!status.inStep()) {
            log.info("Search index out of step ({} public records, {} documents, {} indexed): rebuilding",
                    status.publicRecords(), status.documents(), status.indexed());
            index.rebuild();
        }
    }
}
