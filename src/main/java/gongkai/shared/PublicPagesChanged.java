package gongkai.shared;

import java.util.Set;

/**
 * Public pages that a change made stale. The web module keeps rendered public pages (home, fields, catalogue items,
 * organisations, regions, records) and drops, on every node, those showing what the tags name once the change's
 * transaction commits. Publish it with the change when no event of the changing module says so already (the web
 * module follows the publishing events and every {@link AuditedChange} by itself); a warnings module, say, names the
 * home page and the regions it covers.
 *
 * @param tags what changed: {@link #HOME}, {@link #RECORD_LISTS}, {@link #domain}, {@link #item}, {@link #org},
 *             {@link #region} (its pages and those of every region above it), {@link #record}, or
 *             {@link #EVERYTHING}
 */
public record PublicPagesChanged(Set<String> tags) {

    /** Every public page. */
    public static final String EVERYTHING = "*";
    /** The home page. */
    public static final String HOME = "home";
    /** The lists of records ({@code /records} with its filters). */
    public static final String RECORD_LISTS = "records";

    public PublicPagesChanged {
        tags = Set.copyOf(tags);
    }

    public static PublicPagesChanged of(String... tags) {
        return new PublicPagesChanged(Set.of(tags));
    }

    /** A field (领域) of the catalogue: its page. */
    public static String domain(String code) {
        return "domain:" + code;
    }

    /** A catalogue item: its page. */
    public static String item(String code) {
        return "item:" + code;
    }

    /** An organisation: its page. */
    public static String org(String code) {
        return "org:" + code;
    }

    /** Something in a region: its page and the pages of the regions above it, which list what is below them. */
    public static String region(String code) {
        return "region:" + code;
    }

    /** A record: its page, every version of it. */
    public static String record(String indexNo) {
        return "record:" + indexNo;
    }
}
