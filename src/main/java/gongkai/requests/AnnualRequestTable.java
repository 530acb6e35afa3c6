package gongkai.requests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Table 三 of the annual report (三、收到和处理政府信息公开申请情况, regulatory.md §2c) for one organisation and year:
 * 25 rows × 7 columns — new requests, those carried over, the 21 outcome rows of requests answered in the year, the
 * total, and those carried forward; by 自然人, the five kinds of organisation and 总计.
 *
 * <p>The table checks its own consistency rules when it is made, so a table that breaks them is never shown: each
 * total cell is the sum of the six applicant columns; （七）总计 is the sum of the outcome rows; and 一 + 二 = （七）总计 + 四
 * in every column.
 *
 * @param asOf    the day it was computed; before the year's end the figures are provisional (四 = still open)
 */
public record AnnualRequestTable(String orgCode, String orgName, int year, LocalDate asOf, List<Row> rows) {

    /** The seven numeric columns, in the table's order. */
    public enum Column {
        NATURAL_PERSON("自然人"),
        COMMERCIAL("商业企业"),
        RESEARCH("科研机构"),
        PUBLIC_WELFARE("社会公益组织"),
        LEGAL_SERVICE("法律服务机构"),
        OTHER("其他"),
        TOTAL("总计");

        private final String label;

        Column(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Column of(ApplicantKind kind) {
            return valueOf(kind.name());
        }
    }

    /**
     * One row: its code ({@code NEW}, {@code CARRIED_OVER}, an outcome code, {@code TOTAL}, {@code CARRIED_FORWARD}),
     * the label of the format, the heading it sits under (for outcome rows of （三）–（六）) and the seven values.
     */
    public record Row(String code, String label, String heading, int[] values) {
        public Row {
            values = values.clone();
        }

        public int value(Column column) {
            return values[column.ordinal()];
        }

        @Override
        public int[] values() {
            return values.clone();
        }
    }

    public static final String NEW = "NEW";
    public static final String CARRIED_OVER = "CARRIED_OVER";
    public static final String TOTAL = "TOTAL";
    public static final String CARRIED_FORWARD = "CARRIED_FORWARD";
    public static final int ROWS = 25;

    public AnnualRequestTable {
        rows = List.copyOf(rows);
        check(rows);
    }

    /**
     * Builds the table from the requests the year counts (received by its end, not answered before its start).
     */
    public static AnnualRequestTable of(String orgCode, String orgName, int year, LocalDate asOf,
            List<Counted> requests) {
        int columns = Column.values().length;
        int[] fresh = new int[columns];
        int[] carriedOver = new int[columns];
        int[] carriedForward = new int[columns];
        int[][] outcomes = new int[RequestOutcome.values().length][columns];
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        for (Counted r : requests) {
            if (r.receivedOn().isAfter(last) || (r.answeredOn() != null && r.answeredOn().isBefore(first))) {
                continue;
            }
            int c = Column.of(r.kind()).ordinal();
            (r.receivedOn().isBefore(first) ? carriedOver : fresh)[c]++;
            if (r.answeredOn() != null && !r.answeredOn().isAfter(last)) {
                outcomes[r.outcome().ordinal()][c]++;
            } else {
                carriedForward[c]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(NEW, "一、本年新收政府信息公开申请数量", "", fresh));
        rows.add(row(CARRIED_OVER, "二、上年结转政府信息公开申请数量", "", carriedOver));
        int[] total = new int[columns];
        for (RequestOutcome o : RequestOutcome.values()) {
            int[] v = outcomes[o.ordinal()];
            boolean own = o.group() == RequestOutcome.Group.PUBLIC || o.group() == RequestOutcome.Group.PARTIAL;
            rows.add(row(o.name(), own ? o.group().label().substring(0, 3) + o.rowLabel() : o.rowLabel(),
                    own ? "" : o.group().label(), v));
            for (int c = 0; c < columns; c++) {
                total[c] += v[c];
            }
        }
        rows.add(row(TOTAL, "（七）总计", "", total));
        rows.add(row(CARRIED_FORWARD, "四、结转下年度继续办理", "", carriedForward));
        return new AnnualRequestTable(orgCode, orgName, year, asOf, rows);
    }

    /** What the table needs of one request. */
    public record Counted(ApplicantKind kind, LocalDate receivedOn, LocalDate answeredOn, RequestOutcome outcome) {
    }

    public Row row(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row " + code));
    }

    public boolean provisional() {
        return !asOf.isAfter(LocalDate.of(year, 12, 31));
    }

    /** Fills the 总计 column of a row with the sum of its six applicant columns. */
    private static Row row(String code, String label, String heading, int[] values) {
        int[] v = values.clone();
        int total = Column.TOTAL.ordinal();
        v[total] = Arrays.stream(v, 0, total).sum();
        return new Row(code, label, heading, v);
    }

    /**
     * The consistency rules of §2c.
     *
     * @throws IllegalStateException naming the rule and the column that breaks it
     */
    static void check(List<Row> rows) {
        if (rows.size() != ROWS) {
            throw new IllegalStateException("Table 三 has " + ROWS + " rows, not " + rows.size());
        }
        int columns = Column.values().length;
        int total = Column.TOTAL.ordinal();
        for (Row r : rows) {
            if (r.values.length != columns) {
                throw new IllegalStateException("Row " + r.code() + " has " + r.values.length + " values");
            }
            if (Arrays.stream(r.values, 0, total).sum() != r.values[total]) {
                throw new IllegalStateException("Row " + r.code() + ": 总计 is not the sum of the applicant columns");
            }
        }
        for (int c = 0; c < columns; c++) {
            int outcomes = 0;
            for (int i = 2; i < ROWS - 2; i++) {
                outcomes += rows.get(i).values[c];
            }
            int seven = rows.get(ROWS - 2).values[c];
            if (outcomes != seven) {
                throw new IllegalStateException("Column " + Column.values()[c] + ": （七）总计 " + seven
                        + " is not the sum of the outcome rows " + outcomes);
            }
            int one = rows.get(0).values[c];
            int two = rows.get(1).values[c];
            int four = rows.get(ROWS - 1).values[c];
            if (one + two != seven + four) {
                throw new IllegalStateException("Column " + Column.values()[c] + ": 一 + 二 = " + (one + two)
                        + " but （七）总计 + 四 = " + (seven + four));
            }
        }
    }
}
