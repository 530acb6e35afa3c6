package gongkai.requests.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import gongkai.requests.AnnualRequestTable;
import gongkai.requests.AnnualRequestTable.Column;

/**
 * The annual report as {@code GET /api/v1/annual-reports/{orgCode}/{year}} answers it (API.md). For now it holds table
 * 三 only, under {@code requests}.
 */
public record AnnualReportAnswer(OrgRef org, int year, LocalDate asOf, boolean provisional, Table requests) {

    static final String REQUESTS_TITLE = "三、收到和处理政府信息公开申请情况";

    static AnnualReportAnswer of(AnnualRequestTable t) {
        List<ColumnRef> columns = Arrays.stream(Column.values()).map(c -> new ColumnRef(c.name(), c.label())).toList();
        List<Row> rows = t.rows().stream().map(Row::of).toList();
        return new AnnualReportAnswer(new OrgRef(t.orgCode(), t.orgName()), t.year(), t.asOf(), t.provisional(),
                new Table(REQUESTS_TITLE, columns, rows));
    }

    /** One table of the report. */
    public record Table(String title, List<ColumnRef> columns, List<Row> rows) {
    }

    public record ColumnRef(String code, String label) {
    }

    /**
     * One row: its counts by column code, in the columns' order.
     *
     * @param heading the group the row opens, if any; left out otherwise
     */
    public record Row(String code, String label, @JsonInclude(Include.NON_NULL) String heading,
            Map<String, Integer> values) {

        static Row of(AnnualRequestTable.Row r) {
            Map<String, Integer> values = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                values.put(c.name(), r.value(c));
            }
            return new Row(r.code(), r.label(), r.heading().isEmpty() ? null : r.heading(), values);
        }
    }
}
