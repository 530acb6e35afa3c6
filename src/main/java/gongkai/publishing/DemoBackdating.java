package gongkai.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import gongkai.publishing.internal.RecordJournal;
import gongkai.shared.GongkaiProperties;

/**
 * For the demo loaders only: publishing steps taken as if at a past time, so that fictitious records (示例数据) carry
 * the dates of the events they describe. Refused outside the demo profile: real records are published when they are.
 */
@Component
public class DemoBackdating {

    private final GongkaiProperties properties;
    private final Clock clock;

    DemoBackdating(GongkaiProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs the steps as if at {@code at}, or now if {@code at} is later than now. */
    public <T> T at(Instant at, Supplier<T> steps) {
        if (!properties.demo()) {
            throw new IllegalStateException("Backdating is for the demo profile's fictitious records only");
        }
        Instant now = clock.instant();
        return RecordJournal.asOfForDemo(at.isBefore(now) ? at : now, steps);
    }
}
