package gongkai.publishing;

/** Where a record stands in the three-step review (三审). */
public enum RecordStatus {
    DRAFT("草稿"),
    SUBMITTED("待审核"),
    REVIEWED("待审批"),
    REJECTED("已退回"),
    SCHEDULED("定时发布"),
    PUBLISHED("已发布"),
    WITHDRAWN("已撤回");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States in which the editor may still change the working copy. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
