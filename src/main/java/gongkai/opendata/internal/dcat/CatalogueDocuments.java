package gongkai.opendata.internal.dcat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.springframework.stereotype.Component;

/**
 * The catalogue written out, kept per format until a dataset changes. Compacting JSON-LD is slow (about 9 s for a
 * catalogue of 300 datasets with 15 downloads each, 57,000 triples, on two cores), and harvesters poll: each form is
 * written once per change, by one thread while others wait for it. What changes without a dataset changing (a body's
 * name or contacts) shows within {@link #MAX_AGE}.
 */
@Component
class CatalogueDocuments {

    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** {@code at}: {@link System#nanoTime()} when written; the age of a cache is not business time. */
    private record Written(Instant modified, long at, byte[] bytes) {
    }

    private final DcatCatalogue catalogue;
    private final Map<RDFFormat, Written> written = new ConcurrentHashMap<>();

    CatalogueDocuments(DcatCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue in this format, as of the datasets' last change {@code modified} (null while there is none). */
    byte[] document(RDFFormat format, Instant modified) {
        long now = System.nanoTime();
        return written.compute(format, (f, kept) -> {
            if (kept != null && Objects.equals(kept.modified(), modified) && now - kept.at() < MAX_AGE.toNanos()) {
                return kept;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, catalogue.model(), f);
            return new Written(modified, now, out.toByteArray());
        }).bytes();
    }
}
