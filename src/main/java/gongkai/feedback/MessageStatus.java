package gongkai.feedback;

/** Where a question stands in its body: waiting for an answer, an answer waiting for review, or answered. */
public enum MessageStatus {
    RECEIVED("待答复"),
    DRAFTED("答复待审核"),
    ANSWERED("已答复");

    private final String label;

    MessageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
