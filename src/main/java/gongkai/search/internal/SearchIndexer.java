package gongkai.search.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import gongkai.catalog.Audience;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordRevised;
import gongkai.publishing.RecordView;
import gongkai.publishing.RecordWithdrawn;
import gongkai.publishing.Records;
import gongkai.region.Region;
import gongkai.search.DocumentKind;
import gongkai.region.Regions;
import gongkai.shared.HtmlText;
import gongkai.shared.PlatformConfiguration;

/**
 * Keeps the search copy in step with publishing: a publication or revision (re)writes the record's document, a
 * withdrawal deletes it. Targeted records never get one. Runs after the publishing transaction has committed, in a
 * transaction of its own; the event publication registry re-delivers an event whose handling did not complete.
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchDocumentRepository documents;
    private final Records records;
    private final Regions regions;

    SearchIndexer(SearchDocumentRepository documents, Records records, Regions regions) {
        this.documents = documents;
        this.records = records;
        this.regions = regions;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublished event) {
        if (Audience.PUBLIC.code().equals(event.audience())) {
            write(event.indexNo());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevised event) {
        if (Audience.PUBLIC.code().equals(event.audience())) {
            write(event.indexNo());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordWithdrawn event) {
        documents.findByIndexNo(event.indexNo()).ifPresent(documents::delete);
    }

    /** Writes (or rewrites) the search copy of a published record open to everyone. */
    @Transactional
    public void write(String indexNo) {
        RecordView v = records.view(indexNo, null);
        List<String> parts = new ArrayList<>();
        parts.add(v.summary());
        parts.add(HtmlText.plain(v.body()));
        parts.add(String.join(" ", v.keywords()));
        for (Map<String, String> row : v.rows()) {
            parts.add(String.join(" ", row.values()));
        }
        parts.addAll(records.attachmentTexts(indexNo));
        List<Region> path = regions.path(v.region());
        String county = path.size() > 1 ? path.get(1).code() : v.region();
        SearchDocument doc = documents.findByIndexNo(indexNo).orElseGet(() -> new SearchDocument(idOf(v)));
        doc.fill(v.indexNo(), v.title(), v.summary(), String.join("\n", parts.stream().filter(p -> p != null
                && !p.isBlank()).toList()), String.join("、", v.keywords()), v.documentNumber(), v.org(),
                v.publisher(), v.region(), county, v.domain(), v.catalogItem(), v.subjectClass(),
                DocumentKind.of(v.interpretationOf() != null, v.documentNumber(), !v.rows().isEmpty()).code(),
                v.firstPublishedAt(), LocalDate.ofInstant(v.firstPublishedAt(), PlatformConfiguration.CHINA).getYear(), v.demo(),
                v.contentSha256());
        documents.save(doc);
        log.debug("Indexed {}", indexNo);
    }

    /** A search document has the id of its record, which is the number in the record's draft key. */
    private static Long idOf(RecordView v) {
        return v.recordId();
    }
}
