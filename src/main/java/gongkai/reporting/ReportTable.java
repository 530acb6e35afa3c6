package gongkai.reporting;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One table of the annual report as API.md gives it: {@code {title,columns,rows:[{code,label,values}]}}. Counts are
 * integers; amounts in 万元 are decimal strings.
 */
public record ReportTable(String title, List<Column> columns, List<Row> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public record Column(String code, String label) {
    }

    /**
     * @param heading the group or block the row sits under (table 三's （三）不予公开, table 二's 第二十条第（一）项)
     * @param values  by column code; a row of table 二 holds only its block's columns
     * @param note    where an entered figure came from, or how a computed one was made up
     */
    public record Row(String code, String label, @JsonInclude(Include.NON_NULL) String heading,
            Map<String, Object> values, @JsonInclude(Include.NON_NULL) String note) {
    }

    public Row row(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row " + code + " in " + title));
    }

    /** A count of the table; 0 where the row has no such column. */
    public int count(String row, String column) {
        Object v = row(row).values().get(column);
        return v instanceof Number n ? n.intValue() : 0;
    }
}
