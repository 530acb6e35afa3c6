package gongkai.publishing;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.publishing.internal.RecordRepository;

/**
 * What has been published for the periods of scheduled items (按期公开): the records, published and not withdrawn,
 * that state a period in a given year. Read without loading a record's texts, so a year over a million records is
 * one indexed query.
 */
@Service
@Transactional(readOnly = true)
public class PeriodicPublications {

    private final RecordRepository records;

    PeriodicPublications(RecordRepository records) {
        this.records = records;
    }

    /**
     * Every record of the given items whose period lies in the year ({@code 2026}, {@code 2026-10},
     * {@code 2026-Q3}), that has been published and is not withdrawn, in the order it was first published.
     */
    public List<PeriodicPublication> of(Collection<String> catalogItems, int year) {
        if (catalogItems.isEmpty()) {
            return List.of();
        }
        return records.findPeriodicPublications(catalogItems, year + "%", RecordStatus.WITHDRAWN);
    }
}
