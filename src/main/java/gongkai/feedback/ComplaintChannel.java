package gongkai.feedback;

/** How a complaint reached the platform: the public form or API, or a letter or call entered by staff. */
public enum ComplaintChannel {
    ONLINE("网上"),
    LETTER("来信"),
    PHONE("来电");

    private final String label;

    ComplaintChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
