package gongkai.requests;

import gongkai.shared.Codes;

/**
 * The legal remedies against the handling of a request that table 四 of the annual report counts (行政复议、行政诉讼,
 * 国办公开办函〔2021〕30号): administrative review, and litigation brought directly or after a review.
 */
public enum AppealKind {
    REVIEW("行政复议", "复议机关"),
    LITIGATION_DIRECT("未经复议直接起诉", "人民法院"),
    LITIGATION_AFTER_REVIEW("复议后起诉", "人民法院");

    private final String label;
    private final String authority;

    AppealKind(String label, String authority) {
        this.label = label;
        this.authority = authority;
    }

    /** The column heading of table 四. */
    public String label() {
        return label;
    }

    /** The case as a sentence names it: 行政复议, 行政诉讼（未经复议直接起诉）. */
    public String title() {
        return this == REVIEW ? label : "行政诉讼（" + label + "）";
    }

    /** Who hears such a case: 复议机关 or 人民法院. */
    public String authority() {
        return authority;
    }

    public static AppealKind parse(String code) {
        return Codes.parse(AppealKind.class, code);
    }
}
