package gongkai.requests;

/** Where a request's {@link RequestClock} stands. The three middle phases stop it. */
public enum RequestPhase {
    RUNNING("办理中", false),
    AWAITING_CORRECTION("待补正（暂停计时）", true),
    IN_CONSULTATION("征求意见中（暂停计时）", true),
    AWAITING_PAYMENT("待缴纳信息处理费（暂停计时）", true),
    CLOSED("已办结", false);

    private final String label;
    private final boolean paused;

    RequestPhase(String label, boolean paused) {
        this.label = label;
        this.paused = paused;
    }

    public String label() {
        return label;
    }

    public boolean paused() {
        return paused;
    }

    public boolean open() {
        return this != CLOSED;
    }
}
