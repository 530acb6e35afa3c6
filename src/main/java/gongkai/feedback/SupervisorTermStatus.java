package gongkai.feedback;

/** Where a social supervisor's term stands on a day. */
public enum SupervisorTermStatus {
    NOT_STARTED("尚未开始"),
    SERVING("在任"),
    ENDED("任期届满"),
    ENDED_EARLY("提前结束");

    private final String label;

    SupervisorTermStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
