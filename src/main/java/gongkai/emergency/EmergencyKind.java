package gongkai.emergency;

/**
 * The kinds of emergency the plan names (二.4 public-health events, 二.5 environmental incidents, 二.6 disasters and
 * accidents), each with the catalogue item its response updates are published under.
 */
public enum EmergencyKind {
    NATURAL_DISASTER("自然灾害", "dr-response"),
    ACCIDENT("事故灾难", "dr-response"),
    PUBLIC_HEALTH("公共卫生事件", "he-emergency"),
    ENVIRONMENTAL("突发环境事件", "en-incident");

    private final String label;
    private final String responseItem;

    EmergencyKind(String label, String responseItem) {
        this.label = label;
        this.responseItem = responseItem;
    }

    public String label() {
        return label;
    }

    /** The catalogue item of this kind's response, medical, secondary-hazard and damage updates. */
    public String responseItem() {
        return responseItem;
    }
}
