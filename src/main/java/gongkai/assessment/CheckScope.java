package gongkai.assessment;

import java.util.Arrays;
import java.util.Optional;

/** What a supervision check (督查) covers: the content of disclosures, the channels they go out by, their timeliness. */
public enum CheckScope {
    /** 内容: whether what is published is complete and correct. */
    CONTENT("内容"),
    /** 渠道: the website's columns, the notice boards, the other channels. */
    CHANNELS("渠道"),
    /** 时效: whether information went out on time. */
    TIMELINESS("时效");

    private final String label;

    CheckScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The scope of a code as the API writes it (CONTENT, CHANNELS, TIMELINESS), any case; empty for another. */
    public static Optional<CheckScope> parse(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code.strip())).findFirst();
    }
}
