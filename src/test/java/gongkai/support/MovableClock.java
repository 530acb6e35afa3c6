package gongkai.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import gongkai.shared.PlatformConfiguration;

/**
 * The platform's clock for tests that need a given business date (a request received on a holiday eve, answered after
 * its due date). It runs as the system clock until {@link #setDate} fixes a day (10:00 in China); {@link #reset} lets
 * it run again. Import {@link Config} into a test context to use it; tests sharing that context must reset it.
 */
public final class MovableClock extends Clock {


    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Adds the movable clock to a context, in place of the system clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    public void setDate(LocalDate date) {
        fixed.set(date.atTime(LocalTime.of(10, 0)).atZone(PlatformConfiguration.CHINA).toInstant());
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return PlatformConfiguration.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : Instant.now();
    }
}
