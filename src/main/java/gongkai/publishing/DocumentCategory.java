package gongkai.publishing;

/**
 * 文件类别: what kind of document a record publishes, as table 二 of the annual report (国办公开办函〔2021〕30号) counts
 * them — 规章 and 行政规范性文件 apart from everything else. A record that states none is {@link #OTHER}.
 */
public enum DocumentCategory {
    REGULATION("规章"),
    NORMATIVE("行政规范性文件"),
    OTHER("其他文件");

    private final String label;

    DocumentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
