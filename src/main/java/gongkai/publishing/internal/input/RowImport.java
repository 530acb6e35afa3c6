package gongkai.publishing.internal.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of reading an uploaded sheet against an item's schema: every row, or — if anything is wrong — no row
 * and every problem.
 *
 * @param rows   one map a row, from field name to the stripped cell text (empty when not given), in schema order
 * @param errors every problem, header problems first, then by row; empty when the import may go ahead
 */
public record RowImport(List<Map<String, String>> rows, List<RowError> errors) {

    public RowImport {
        rows = rows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !rows.isEmpty()) {
            throw new IllegalArgumentException("An import with errors carries no rows");
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    static RowImport failed(List<RowError> errors) {
        return new RowImport(List.of(), errors);
    }
}
