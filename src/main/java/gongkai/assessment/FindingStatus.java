package gongkai.assessment;

/** Where a supervision finding stands in its rectification cycle (整改). */
public enum FindingStatus {
    /** 待整改: recorded, awaiting the body's rectification. */
    OPEN("待整改"),
    /** 已整改待确认: the body reported its rectification; the auditor has yet to accept or reopen it. */
    RECTIFIED("已整改待确认"),
    /** 已销号: the auditor accepted the rectification. */
    CLOSED("已销号"),
    /** 重新整改: the auditor found the rectification wanting; the body must answer again. */
    REOPENED("重新整改");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the body still owes a rectification, so that a passed deadline makes the finding overdue. */
    public boolean awaitsRectification() {
        return this == OPEN || this == REOPENED;
    }
}
