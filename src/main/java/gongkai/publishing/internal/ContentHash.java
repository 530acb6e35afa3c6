package gongkai.publishing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.privacy.Masking;
import gongkai.shared.CanonicalJson;

import tools.jackson.core.type.TypeReference;

/**
 * The public content of a published version and its hash. The content object holds what the public reads of the
 * version: {@code indexNo, version, org, publisher, catalogItem, region, audience, title, summary, documentNumber,
 * writtenOn, keywords, subjectClass, body, data, attachments}, and {@code period}, {@code documentCategory}
 * ({@code REGULATION} or {@code NORMATIVE}) and {@code validUntil} for a record that states them, with personal fields
 * of the structured rows masked as every public output masks them. Those three are left out rather than null when
 * there are none, so the content, and the hash, of every version published before records stated them is what it
 * was. Its hash is the lowercase hex SHA-256 of the UTF-8 of its canonical JSON
 * (RFC 8785), so anyone holding the record's JSON can recompute it. Built here only, from the stored version, at
 * publication and whenever it is shown or checked.
 */
public final class ContentHash {

    /** A published version's attachment list, as stored with the version. */
    public static final TypeReference<List<Map<String, String>>> FILES = new TypeReference<>() {
    };

    private ContentHash() {
    }

    /** The content object of a stored version of a record. */
    public static Map<String, Object> content(RecordEntity record, RecordVersionEntity v, CatalogItem item,
            RowsJson json) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("indexNo", record.getIndexNo());
        content.put("version", v.getVersion());
        content.put("org", record.getOrgCode());
        content.put("publisher", v.getPublisherName());
        content.put("catalogItem", record.getCatalogItem());
        RecordContent c = v.getContent();
        content.put("region", c.regionCode());
        content.put("audience", c.audience().code());
        content.put("title", c.title());
        content.put("summary", c.summary());
        content.put("documentNumber", c.documentNumber());
        content.put("writtenOn", c.writtenOn() == null ? null : c.writtenOn().toString());
        if (c.period() != null) {
            content.put("period", c.period());
        }
        if (c.documentCategory() != null) {
            content.put("documentCategory", c.documentCategory().name());
        }
        if (c.validUntil() != null) {
            content.put("validUntil", c.validUntil().toString());
        }
        content.put("keywords", keywords(c.keywords()));
        content.put("subjectClass", c.subjectClass());
        content.put("body", c.body());
        content.put("data", maskedRows(item, json.read(c.dataJson())));
        content.put("attachments", attachments(json, v.getAttachmentsJson()));
        return Collections.unmodifiableMap(content);
    }

    /** Lowercase hex SHA-256 of the UTF-8 canonical JSON of a content object. */
    public static String sha256(Map<String, Object> content) {
        return CanonicalJson.sha256Hex(content);
    }

    /** Keywords as the public reads them: the stored 、-separated text as a list. */
    public static List<String> keywords(String keywords) {
        return keywords == null || keywords.isBlank() ? List.of() : Arrays.asList(keywords.split("、"));
    }

    /**
     * The stored rows, each with its own fields in their stored order and personal values masked by the field's
     * current definition — so a field added to the item later does not change the content of older versions.
     * A value under a name the item does not define is not public (the record page does not show it either).
     */
    private static List<Map<String, String>> maskedRows(CatalogItem item, List<Map<String, String>> rows) {
        List<Map<String, String>> masked = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            row.forEach((name, value) -> field(item, name).ifPresent(f -> m.put(name,
                    value == null ? "" : Masking.maskField(f, value))));
            masked.add(m);
        }
        return masked;
    }

    private static Optional<CatalogField> field(CatalogItem item, String name) {
        return item.fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static List<Map<String, Object>> attachments(RowsJson json, String attachmentsJson) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map<String, String> a : json.readValue(attachmentsJson, FILES)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sha256", a.get("sha256"));
            m.put("name", a.get("name"));
            m.put("mediaType", a.get("mediaType"));
            m.put("size", Long.parseLong(a.getOrDefault("size", "0")));
            String alt = a.get("altText");
            m.put("altText", alt == null ? "" : alt);
            files.add(m);
        }
        return files;
    }
}
