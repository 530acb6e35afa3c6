package gongkai.assessment;

/**
 * Where a supervision finding came from: an auditor's check (督查), a substantiated complaint (投诉举报), or a social
 * supervisor (社会监督员). All go through the same rectification cycle and count alike.
 */
public enum FindingSource {
    AUDIT("督查"),
    COMPLAINT("投诉举报"),
    SUPERVISOR("社会监督员");

    private final String label;

    FindingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
