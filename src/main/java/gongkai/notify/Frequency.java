package gongkai.notify;

import com.fasterxml.jackson.annotation.JsonCreator;

import gongkai.shared.Codes;

/** How often a subscriber hears: at once, or one message a day with everything since the last one. */
public enum Frequency {
    IMMEDIATE("即时推送"),
    DIGEST("每日汇总");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static Frequency parse(String code) {
        return Codes.parse(Frequency.class, code);
    }
}
