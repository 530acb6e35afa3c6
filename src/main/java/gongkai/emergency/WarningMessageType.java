package gongkai.emergency;

/** The CAP message type of a warning message: a new warning, an update of one, or its cancellation (解除). */
public enum WarningMessageType {
    ALERT("Alert", "发布"),
    UPDATE("Update", "更新"),
    CANCEL("Cancel", "解除");

    private final String cap;
    private final String label;

    WarningMessageType(String cap, String label) {
        this.cap = cap;
        this.label = label;
    }

    /** The value of CAP's msgType. */
    public String cap() {
        return cap;
    }

    public String label() {
        return label;
    }
}
