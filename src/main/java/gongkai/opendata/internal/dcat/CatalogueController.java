package gongkai.opendata.internal.dcat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.jena.riot.RDFFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import gongkai.opendata.Datasets;

/**
 * {@code /catalog.ttl} and {@code /catalog.jsonld}: the DCAT-AP catalogue of every dataset, as Turtle and as compact
 * JSON-LD (its context made of the vocabularies' prefixes). One document, not paged: a dataset is a catalogue item of
 * one body, so there are hundreds at most. Harvesters poll it, so it answers If-Modified-Since with 304 while no
 * dataset has changed.
 */
@RestController
class CatalogueController {

    static final MediaType TURTLE = MediaType.parseMediaType("text/turtle;charset=UTF-8");
    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final CatalogueDocuments documents;
    private final Datasets datasets;

    CatalogueController(CatalogueDocuments documents, Datasets datasets) {
        this.documents = documents;
        this.datasets = datasets;
    }

    @GetMapping("/catalog.ttl")
    ResponseEntity<byte[]> turtle(WebRequest request) {
        return answer(request, RDFFormat.TURTLE_PRETTY, TURTLE);
    }

    @GetMapping("/catalog.jsonld")
    ResponseEntity<byte[]> jsonLd(WebRequest request) {
        return answer(request, RDFFormat.JSONLD11_PRETTY, JSON_LD);
    }

    private ResponseEntity<byte[]> answer(WebRequest request, RDFFormat format, MediaType type) {
        Instant modified = datasets.lastModified();
        // HTTP dates have whole seconds; the tag, to the millisecond, tells apart two changes in one second.
        long lastModified = modified == null ? -1 : modified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        String etag = modified == null ? null : "\"" + modified.toEpochMilli() + "\"";
        if (etag != null && request.checkNotModified(etag, lastModified)) {
            return null;
        }
        // checkNotModified has set Last-Modified and ETag on the response already.
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .body(documents.document(format, modified));
    }
}
