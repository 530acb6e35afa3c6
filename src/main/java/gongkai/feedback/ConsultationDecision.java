package gongkai.feedback;

import java.util.Locale;

/** How a body took up a comment in its feedback report (采纳情况). */
public enum ConsultationDecision {
    ADOPTED("采纳"),
    PARTLY("部分采纳"),
    NOT_ADOPTED("未采纳");

    private final String label;

    ConsultationDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The decision as entered (case and spaces ignored), or null when it is none of them. */
    public static ConsultationDecision parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
