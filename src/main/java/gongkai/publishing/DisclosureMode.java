package gongkai.publishing;

/** 公开方式. */
public enum DisclosureMode {
    PROACTIVE("主动公开"),
    ON_REQUEST("依申请公开");

    private final String label;

    DisclosureMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
