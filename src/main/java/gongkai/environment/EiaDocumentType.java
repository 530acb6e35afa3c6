package gongkai.environment;

/** 环评文件类型: an environmental impact report (报告书) or report form (报告表). */
public enum EiaDocumentType {
    REPORT("环境影响报告书"),
    FORM("环境影响报告表");

    private final String label;

    EiaDocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
