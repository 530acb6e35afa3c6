package gongkai.feedback;

/**
 * The body's review of an answer (审核): publish question and answer as they are, publish them with the personal data
 * the privacy guard found masked, release the answer to the asker only, or return the answer to the editor.
 */
public enum ReviewDecision {
    PUBLISH("公开发布"),
    PUBLISH_MASKED("遮蔽个人信息后公开发布"),
    KEEP_PRIVATE("仅答复留言人，不公开"),
    RETURN("退回修改");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A decision as typed in a form or API body; null when unknown. */
    public static ReviewDecision parse(String text) {
        if (text == null) {
            return null;
        }
        for (ReviewDecision d : values()) {
            if (d.name().equalsIgnoreCase(text.strip())) {
                return d;
            }
        }
        return null;
    }
}
