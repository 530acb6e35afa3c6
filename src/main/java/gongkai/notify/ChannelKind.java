package gongkai.notify;

import com.fasterxml.jackson.annotation.JsonCreator;

import gongkai.shared.Codes;

/** The ways a message reaches a person or a machine. */
public enum ChannelKind {
    EMAIL("电子邮件"),
    SMS("短信"),
    WECHAT("微信"),
    WEBHOOK("Webhook");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a code from a form or JSON; null for anything unknown, so that a bad value is named like a missing one. */
    @JsonCreator
    public static ChannelKind parse(String code) {
        return Codes.parse(ChannelKind.class, code);
    }
}
