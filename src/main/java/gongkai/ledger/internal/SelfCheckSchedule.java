package gongkai.ledger.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/** Runs the self-check on schedule; each run is claimed in the database, so one node of several runs it. */
@Component
class SelfCheckSchedule {

    private final LedgerSelfCheck selfCheck;
    private final LedgerStore store;
    private final LedgerProperties properties;
    private final Clock clock;

    SelfCheckSchedule(LedgerSelfCheck selfCheck, LedgerStore store, LedgerProperties properties, Clock clock) {
        this.selfCheck = selfCheck;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @SchedulerLock(name = "ledger.self-check", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    @Scheduled(fixedDelayString = "${gongkai.ledger.self-check.interval:6h}",
            initialDelayString = "${gongkai.ledger.self-check.initial-delay:10m}")
    void run() {
        if (!properties.selfCheck().enabled()) {
            return;
        }
        Instant now = Instant.now(clock);
        if (store.claimCheck(now, now.minus(properties.selfCheck().interval().dividedBy(2)))) {
            selfCheck.run("scheduled");
        }
    }
}
