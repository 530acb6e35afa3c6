package gongkai.requests.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

import gongkai.requests.ClockKeeping;
import gongkai.requests.RequestPhase;
import gongkai.requests.RequestEvent;

/**
 * The daily job: every open request is brought up to date ({@link ClockKeeping#keepClock}) in a transaction of
 * its own, so that one failure stops nothing else. On several nodes each step is written once: the history's
 * (request, position) key refuses a second copy, and the node that lost logs it and moves on.
 */
@Component
public class ClockKeeper {

    private static final Logger log = LoggerFactory.getLogger(ClockKeeper.class);

    private final InformationRequestRepository repository;
    private final ClockKeeping clockKeeping;
    private final Clock clock;

    ClockKeeper(InformationRequestRepository repository, ClockKeeping clockKeeping, Clock clock) {
        this.repository = repository;
        this.clockKeeping = clockKeeping;
        this.clock = clock;
    }

    @SchedulerLock(name = "requests.clock", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.requests.daily-check:0 30 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        run(LocalDate.now(clock));
    }

    /** Runs the day's work for every open request; returns how many steps of each kind were written. */
    public Map<RequestEvent.Kind, Integer> run(LocalDate today) {
        Map<RequestEvent.Kind, Integer> counts = new EnumMap<>(RequestEvent.Kind.class);
        List<String> open = repository.findByPhaseNot(RequestPhase.CLOSED).stream()
                .map(InformationRequestEntity::getTrackingNo).toList();
        for (String no : open) {
            try {
                clockKeeping.keepClock(no, today).forEach(k -> counts.merge(k, 1, Integer::sum));
            } catch (RuntimeException e) {
                log.error("Daily check of request {} failed; it is tried again tomorrow", no, e);
            }
        }
        log.info("Daily request check for {}: {} open requests, steps written {}", today, open.size(), counts);
        return counts;
    }
}
