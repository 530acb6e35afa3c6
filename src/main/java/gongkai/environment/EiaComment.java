package gongkai.environment;

import java.time.Instant;

/** A comment from the public on one notice of a case; for staff only (the public sees counts). */
public record EiaComment(long id, EiaStage stage, String name, String contact, String text, Instant receivedAt,
        boolean demo) {

    /** When it was received, on the clock of Yichun. */
    public java.time.LocalDateTime receivedAtLocal() {
        return java.time.LocalDateTime.ofInstant(receivedAt, java.time.ZoneId.of("Asia/Shanghai"));
    }
}
