package gongkai.publishing;

/** The forms a policy interpretation (政策解读) takes. */
public enum InterpretationKind {
    TEXT("文字解读"),
    GRAPHIC("图文解读"),
    QA("问答解读");

    private final String label;

    InterpretationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
