package gongkai.feedback;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.publishing.RecordFilter;
import gongkai.publishing.RecordSummary;
import gongkai.publishing.Records;

/**
 * 回应关切: a body's response to a public concern, published as a record of catalogue item {@value #ITEM} through the
 * ordinary editor and 三审. Its structured row holds the concern, its source, the response and the index numbers of
 * the records and interpretations concerned, which the entry check refuses unless they name published records.
 */
@Service
@Transactional(readOnly = true)
public class ConcernResponses {

    /** The catalogue item of responses to public concerns. */
    public static final String ITEM = "gd-response";
    /** How many the home page's column lists. */
    static final int COLUMN_SIZE = 6;

    private final Records records;

    ConcernResponses(Records records) {
        this.records = records;
    }

    /** The latest published responses open to everyone, newest first. */
    public List<RecordSummary> latest() {
        return records.published(new RecordFilter(null, null, null, ITEM, null, null), 0, COLUMN_SIZE).getContent();
    }
}
