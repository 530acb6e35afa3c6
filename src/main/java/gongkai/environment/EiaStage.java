package gongkai.environment;

/** The three notices of an EIA case (建设项目环境影响评价“三公开”), in the order they must come. */
public enum EiaStage {
    /** 受理公示. */
    ACCEPTANCE("受理公示"),
    /** 拟审批公示. */
    APPROVAL("拟审批公示"),
    /** 批后公告. */
    POST_APPROVAL("批后公告");

    private final String label;

    EiaStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage before this one, or null for the first. */
    public EiaStage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The stage named by its code or its Chinese name, or null. */
    public static EiaStage parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (EiaStage s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.label.equals(t)) {
                return s;
            }
        }
        return null;
    }
}
