package gongkai.publishing;

import java.time.Instant;

/** One step of the review history (审核记录). */
public record RecordStep(Kind kind, String actor, String comment, Instant at) {

    public enum Kind {
        CREATE("创建草稿"),
        SUBMIT("提交审核"),
        REVIEW_PASS("审核通过"),
        REVIEW_REJECT("审核退回"),
        APPROVE("审批通过"),
        APPROVE_REJECT("审批退回"),
        SCHEDULE("定时发布"),
        PUBLISH("发布"),
        REVISE("修订"),
        WITHDRAW("撤回"),
        MASK("应用遮蔽建议"),
        VALIDITY("变更有效性"),
        FAST_TRACK("紧急发布（免三审）"),
        FAST_TRACK_CONFIRM("紧急发布复核确认");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
