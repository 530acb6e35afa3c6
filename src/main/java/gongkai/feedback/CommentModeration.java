package gongkai.feedback;

/**
 * Where a comment on a consultation stands before the public: a comment its author wanted public waits for the body's
 * staff ({@link #PENDING}) and is then shown or moderated out; one its author kept private is never shown but counts.
 */
public enum CommentModeration {
    PRIVATE("不公开"),
    PENDING("待审核"),
    SHOWN("已公开"),
    HIDDEN("审核未通过");

    private final String label;

    CommentModeration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
