package gongkai.environment;

/** The approving body's decision announced in the 批后公告. */
public enum EiaDecision {
    APPROVED("批准"),
    REFUSED("不予批准");

    private final String label;

    EiaDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
