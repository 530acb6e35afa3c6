package gongkai.privacy;

import java.util.Objects;

/**
 * One rule of the published masking policy, in Chinese for the people who read it.
 *
 * @param what   the kind of information (信息类别)
 * @param how    how it is treated on public output (处理方式)
 * @param before a fictitious example as an editor might enter it
 * @param after  the same example as published
 * @param reason the legal basis or practice behind the rule (依据)
 */
public record MaskingRule(String what, String how, String before, String after, String reason) {

    public MaskingRule {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(reason, "reason");
    }
}
