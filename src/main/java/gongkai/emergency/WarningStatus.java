package gongkai.emergency;

/** Where a warning message stands at a moment: computed from its times and the messages after it, never stored. */
public enum WarningStatus {
    UPCOMING("待生效"),
    IN_FORCE("生效中"),
    EXPIRED("已过期"),
    SUPERSEDED("已更新"),
    CANCELLED("已解除");

    private final String label;

    WarningStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
