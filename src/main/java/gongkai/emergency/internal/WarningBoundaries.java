package gongkai.emergency.internal;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gongkai.emergency.Warning;
import gongkai.emergency.Warnings;
import gongkai.shared.AuditedChange;
import gongkai.shared.PublicPagesChanged;

/**
 * Drops the kept public pages when the warnings in force change by time alone (one starts or expires): every page
 * shows the banner, and no user action marks the moment. Checked every few seconds
 * ({@code gongkai.emergency.boundary-check}); a changed list is one cheap query on the index of times.
 */
@Component
class WarningBoundaries {

    private final Warnings warnings;
    private final WarningBanner.Snapshot snapshot;
    private final ApplicationEventPublisher events;
    private volatile List<Long> last;

    WarningBoundaries(Warnings warnings, WarningBanner.Snapshot snapshot, ApplicationEventPublisher events) {
        this.warnings = warnings;
        this.snapshot = snapshot;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${gongkai.emergency.boundary-check:10s}", initialDelayString = "10s")
    void check() {
        List<Long> now = warnings.inForce().stream().map(Warning::id).sorted().toList();
        if (last != null && !last.equals(now)) {
            snapshot.forget();
            events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.EVERYTHING));
        }
        last = now;
    }

    @EventListener
    void on(AuditedChange change) {
        if ("warning".equals(change.targetType())) {
            snapshot.forget();
        }
    }
}
