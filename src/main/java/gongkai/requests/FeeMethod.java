package gongkai.requests;

import gongkai.shared.Codes;

/** How a 信息处理费 is computed (国办函〔2020〕109号): per request or per volume, never both for one request. */
public enum FeeMethod {
    PER_REQUEST("按件计收"),
    PER_VOLUME("按量计收");

    private final String label;

    FeeMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FeeMethod parse(String code) {
        return Codes.parse(FeeMethod.class, code);
    }
}
