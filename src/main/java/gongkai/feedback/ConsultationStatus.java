package gongkai.feedback;

/** Where a consultation stands on a given day, from its opening and closing dates. */
public enum ConsultationStatus {
    UPCOMING("未开始"),
    OPEN("征集中"),
    CLOSED("已结束");

    private final String label;

    ConsultationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
