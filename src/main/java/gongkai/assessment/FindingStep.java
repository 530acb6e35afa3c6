package gongkai.assessment;

import java.time.Instant;

/**
 * One step of a finding's history: when, by whom (username), what and the text given (the problem, the rectification,
 * the reason for reopening; none for an acceptance).
 */
public record FindingStep(Instant at, String actor, Kind kind, String text) {

    public enum Kind {
        RECORDED("记录问题"), RECTIFIED("提交整改情况"), ACCEPTED("确认销号"), REOPENED("退回重新整改");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
