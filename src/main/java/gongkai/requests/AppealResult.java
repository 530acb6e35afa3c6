package gongkai.requests;

import gongkai.shared.Codes;

/** How a review or a lawsuit ended, in the four columns of table 四; {@link #PENDING} while it has not. */
public enum AppealResult {
    UPHELD("结果维持"),
    CORRECTED("结果纠正"),
    OTHER("其他结果"),
    PENDING("尚未审结");

    private final String label;

    AppealResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AppealResult parse(String code) {
        return Codes.parse(AppealResult.class, code);
    }
}
