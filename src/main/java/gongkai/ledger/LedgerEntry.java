package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import gongkai.ledger.internal.MerkleTree;
import gongkai.shared.CanonicalJson;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the transparency log (账本条目): what happened to which record version, the SHA-256 of its public
 * content, and when. Its text is the canonical JSON (RFC 8785) of
 * {@code {"action","at","contentSha256","indexNo","version"}}, and the text's UTF-8 is the RFC 6962 leaf.
 *
 * @param indexNo the record's index number, {@code catalog/<item code>} for a catalogue item, or
 *                {@code donation/<campaign id>/<entry id>} for a donation ledger entry
 * @param at      when it happened; written as an ISO-8601 UTC instant with milliseconds
 */
public record LedgerEntry(Action action, String indexNo, int version, String contentSha256, Instant at) {

    /** What an entry records; DONATION is an entry of a relief-donation ledger (module emergency). */
    public enum Action {
        PUBLISH, REVISE, WITHDRAW, CATALOG, DONATION
    }

    /** The prefix of a donation ledger entry's "index number" in the log: {@code donation/<campaign>/<entry>}. */
    public static final String DONATION_PREFIX = "donation/";

    /** The prefix of a catalogue item's "index number" in the log. */
    public static final String CATALOG_PREFIX = "catalog/";

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    public LedgerEntry {
        // The text holds milliseconds; keeping only those makes an entry equal to the one parsed from its text.
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The canonical JSON text of the entry, exactly as logged. */
    public String text() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action.name());
        m.put("indexNo", indexNo);
        m.put("version", version);
        m.put("contentSha256", contentSha256);
        m.put("at", AT.format(at));
        return CanonicalJson.write(m);
    }

    /** The RFC 6962 leaf hash of the entry, lowercase hex. */
    public String leafHash() {
        return leafHashOf(text());
    }

    /** The RFC 6962 leaf hash of an entry text: SHA-256(0x00 ‖ UTF-8 of the text), lowercase hex. */
    public static String leafHashOf(String text) {
        return HexFormat.of().formatHex(MerkleTree.leafHash(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads an entry text back; refuses one that is not exactly the canonical text of an entry (so a stored text
     * that was altered, even only in its spacing, is noticed).
     */
    public static LedgerEntry parse(String text) {
        Map<String, Object> m;
        try {
            m = JSON.readValue(text, OBJECT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
        }
        try {
            LedgerEntry entry = new LedgerEntry(Action.valueOf((String) m.get("action")), (String) m.get("indexNo"),
                    ((Number) m.get("version")).intValue(), (String) m.get("contentSha256"),
                    Instant.parse((String) m.get("at")));
            if (m.size() != 5 || !entry.text().equals(text)) {
                throw new IllegalArgumentException("Not the canonical text of a ledger entry");
            }
            return entry;
        } catch (ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a ledger entry: " + e.getMessage(), e);
        }
    }
}
