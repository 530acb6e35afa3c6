package gongkai.publishing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import gongkai.shared.Actor;

/**
 * When the demo loaders' fictitious records (示例数据) were published: two days after they were written, at 10:00 China
 * time, so that the demo reads like a year of work rather than one afternoon; never later than now.
 */
final class DemoTime {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private DemoTime() {
    }

    static Instant publication(LocalDate writtenOn, Clock clock) {
        LocalDate day = writtenOn == null ? LocalDate.now(clock.withZone(CHINA)) : writtenOn.plusDays(2);
        return notLaterThanNow(day.atTime(10, 0).atZone(CHINA).toInstant(), clock);
    }

    /** The platform's clock decides what "now" is (a fixed one in tests). */
    static Instant notLaterThanNow(Instant at, Clock clock) {
        Instant now = clock.instant();
        return at.isBefore(now) ? at : now;
    }

    /** Acts as a demo person at a time in the past (never later than now), for the record's history and dates. */
    static <T> T as(Actor actor, Instant at, Clock clock, Supplier<T> steps) {
        return Actor.callAs(actor, () -> RecordJournal.asOfForDemo(notLaterThanNow(at, clock), steps));
    }
}
