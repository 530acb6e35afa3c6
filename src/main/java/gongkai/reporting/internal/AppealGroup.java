package gongkai.reporting.internal;

/** The three groups of table 四 and the results each counts; names as API.md's {@code appeals} uses them. */
public enum AppealGroup {
    REVIEW("行政复议"),
    LITIGATION_DIRECT("行政诉讼（未经复议直接起诉）"),
    LITIGATION_AFTER_REVIEW("行政诉讼（复议后起诉）");

    /** The columns of each group, in the format's order; TOTAL is the sum of the four before it. */
    static final String[] RESULTS = { "UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL" };
    static final String[] RESULT_LABELS = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };

    private final String label;

    AppealGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
