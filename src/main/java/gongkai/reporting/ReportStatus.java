package gongkai.reporting;

/** Where a report stands: written, in the three-step review as a record, or public. */
public enum ReportStatus {
    DRAFT("草稿"),
    IN_REVIEW("审核中"),
    PUBLISHED("已发布");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
