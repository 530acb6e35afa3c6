package gongkai.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

import gongkai.calendar.DueReminder;
import gongkai.feedback.Complaints;
import gongkai.shared.PlatformConfiguration;

/**
 * The daily check of open complaints, as the requests' ClockKeeper runs it: each complaint in a transaction of its
 * own ({@link Complaints#keepClock}), so that one failure stops nothing else.
 */
@Component
public class ComplaintClockKeeper {

    private static final Logger log = LoggerFactory.getLogger(ComplaintClockKeeper.class);

    private final Complaints complaints;
    private final Clock clock;

    ComplaintClockKeeper(Complaints complaints, Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    @SchedulerLock(name = "feedback.complaint-clock", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.feedback.complaints.daily-check:0 40 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        run(LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)));
    }

    /** Runs the day's check of every open complaint; returns how many reminders and overdue marks were written. */
    public Map<DueReminder, Integer> run(LocalDate today) {
        Map<DueReminder, Integer> counts = new EnumMap<>(DueReminder.class);
        for (String no : complaints.open()) {
            try {
                complaints.keepClock(no, today).ifPresent(k -> counts.merge(k, 1, Integer::sum));
            } catch (RuntimeException e) {
                log.error("Daily check of complaint {} failed; it is tried again tomorrow", no, e);
            }
        }
        log.info("Daily complaint check for {}: {}", today, counts);
        return counts;
    }
}
