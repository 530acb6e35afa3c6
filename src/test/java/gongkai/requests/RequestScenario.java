package gongkai.requests;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import gongkai.support.MovableClock;

/**
 * What the tests that walk requests through time share: the module's four use cases and the movable clock, set back
 * after each test. Subclasses are {@code @PlatformTest @Import(MovableClock.Config.class)}.
 */
abstract class RequestScenario {

    @Autowired
    RequestIntake intake;
    @Autowired
    ApplicantAccess applicants;
    @Autowired
    RequestHandling handling;
    @Autowired
    ClockKeeping clockKeeping;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
