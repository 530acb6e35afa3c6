package gongkai.feedback;

/** Where a complaint stands: being handled (办理中) or answered (已答复). */
public enum ComplaintStatus {
    OPEN("办理中"),
    ANSWERED("已答复");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
