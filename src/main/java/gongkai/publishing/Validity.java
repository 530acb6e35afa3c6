package gongkai.publishing;

/** 有效性 of a normative document. */
public enum Validity {
    VALID("有效"),
    AMENDED("已修订"),
    REPEALED("已废止");

    private final String label;

    Validity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
