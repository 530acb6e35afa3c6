package gongkai.publishing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import gongkai.catalog.CatalogItem;
import gongkai.publishing.RecordInput;

/**
 * The back office's record form as Spring binds it: the fields of {@link RecordInput}, the keywords as one text
 * and the rows' cells as {@code cells[row_column]}. It only reshapes; the rules are those of the input.
 */
record RecordForm(String org, String region, String title, String summary, String documentNumber,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate writtenOn, String body, String keywords,
        String targetGroup, String subjectClass, String interpretationOf, String interpretationKind, String period,
        String documentCategory, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
        Map<String, String> cells) {

    /** The input for the item: keywords split at 、 , ; or spaces, blank cells and blank rows dropped. */
    RecordInput toInput(CatalogItem item) {
        return toInput(item, rows(item));
    }

    /** The input with these rows instead of the typed ones (rows read from a sheet). */
    RecordInput toInput(CatalogItem item, List<Map<String, String>> rows) {
        String words = nz(keywords);
        return new RecordInput(item.code(), nz(org), nz(region), nz(title), nz(summary), nz(documentNumber),
                writtenOn, nz(body), words.isBlank() ? List.of() : Arrays.asList(words.split("[、,，;；\\s]+")), null,
                nz(targetGroup), nz(subjectClass), null, rows, nz(interpretationOf), nz(interpretationKind),
                nz(period), nz(documentCategory), validUntil);
    }

    private List<Map<String, String>> rows(CatalogItem item) {
        Map<String, String> given = cells == null ? Map.of() : cells;
        int maxRow = given.keySet().stream().filter(k -> k.matches("\\d+_\\d+"))
                .mapToInt(k -> Integer.parseInt(k.split("_")[0])).max().orElse(-1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r <= maxRow; r++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < item.fields().size(); c++) {
                String v = given.get(r + "_" + c);
                if (v != null && !v.isBlank()) {
                    row.put(item.fields().get(c).name(), v.strip());
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
