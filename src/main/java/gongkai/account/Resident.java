package gongkai.account;

import java.time.Instant;

/** 居民: a person registered for a region, who reads what is disclosed to it once the region's office confirms. */
public record Resident(long id, String username, String displayName, String phone, String regionCode, Status status,
        String decidedBy, Instant decidedAt, String decisionNote, Instant createdAt) {

    public enum Status {
        PENDING("待确认"),
        CONFIRMED("已确认"),
        REJECTED("未通过");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
