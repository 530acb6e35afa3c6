package gongkai.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.assessment.internal.AssessmentProperties;
import gongkai.assessment.internal.ObligationFlagEntity;
import gongkai.assessment.internal.ObligationFlagRepository;
import gongkai.assessment.internal.ResponsibleBodies;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.publishing.ItemActivity;
import gongkai.publishing.PeriodicPublications;

/**
 * The daily check of obligations: what falls due within {@code due-soon-days} working days, what is overdue, and
 * which items a body has never published anything under. Its flags are each body's inbox until the next run. One
 * node runs it each day (claimed in the database), at start-up if the day's run has not happened and every morning.
 */
@Service
public class ObligationInbox {

    private static final Logger log = LoggerFactory.getLogger(ObligationInbox.class);
    static final String JOB = "obligation-flags";

    private final Obligations obligations;
    private final ResponsibleBodies bodies;
    private final PeriodicPublications publications;
    private final ObligationFlagRepository flags;
    private final WorkingDayCalendar calendar;
    private final Catalog catalog;
    private final AssessmentProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ObligationInbox(Obligations obligations, ResponsibleBodies bodies, PeriodicPublications publications,
            ObligationFlagRepository flags, WorkingDayCalendar calendar, Catalog catalog,
            AssessmentProperties properties, TransactionTemplate tx, Clock clock) {
        this.obligations = obligations;
        this.bodies = bodies;
        this.publications = publications;
        this.flags = flags;
        this.calendar = calendar;
        this.catalog = catalog;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A body's flags from the last run, overdue first. */
    @Transactional(readOnly = true)
    public List<ObligationFlag> of(String org) {
        List<ObligationFlag> out = new ArrayList<>();
        for (ObligationFlagEntity f : flags.findByOrgCodeOrderByKindAscDueOnAsc(org)) {
            String name = catalog.item(f.getCatalogItem()).map(CatalogItem::name).orElse(f.getCatalogItem());
            String label = f.getPeriod() == null ? null : describe(f.getPeriod());
            out.add(new ObligationFlag(f.getOrgCode(), f.getKind(), f.getCatalogItem(), name, f.getPeriod(), label,
                    f.getDueOn(), f.getWorkingDays(), f.getFlaggedOn()));
        }
        out.sort(java.util.Comparator.comparing((ObligationFlag f) -> order(f.kind()))
                .thenComparing(f -> f.dueOn() == null ? LocalDate.MAX : f.dueOn()));
        return out;
    }

    @SchedulerLock(name = "assessment.obligations", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.assessment.flags-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    void daily() {
        runOnce(LocalDate.now(clock));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            runOnce(LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.warn("The daily obligation check failed at start; it runs again tomorrow morning", e);
        }
    }

    /** Runs the check for the day unless a node already did. */
    public boolean runOnce(LocalDate today) {
        Boolean claimed = tx.execute(s -> flags.claim(JOB, today) == 1);
        if (Boolean.TRUE.equals(claimed)) {
            int n = refresh(today);
            log.info("Obligation check of {}: {} flags", today, n);
            return true;
        }
        return false;
    }

    /** Computes the flags as of {@code today} and replaces the last run's; the number of flags. */
    public int refresh(LocalDate today) {
        List<ObligationFlagEntity> fresh = new ArrayList<>();
        List<Obligation> current = new ArrayList<>(obligations.ofYear(today.getYear(), today));
        if (today.getMonthValue() <= 3) {
            // December's and the fourth quarter's reports and the yearly ones fall due early in the new year.
            current.addAll(obligations.ofYear(today.getYear() - 1, today));
        }
        for (Obligation o : current) {
            if (o.status() == ObligationStatus.MISSING) {
                fresh.add(flag(o, ObligationFlag.Kind.OVERDUE, o.workingDaysLate(), today));
            } else if (o.status() == ObligationStatus.NOT_DUE && !o.dueOn().isBefore(today)) {
                int left = calendar.workingDaysBetween(today, o.dueOn());
                if (left <= properties.dueSoonDays()) {
                    fresh.add(flag(o, ObligationFlag.Kind.DUE_SOON, left, today));
                }
            }
        }
        Map<Organisation, List<CatalogItem>> all = bodies.all();
        Map<String, List<String>> itemsByOrg = new java.util.LinkedHashMap<>();
        all.forEach((o, items) -> itemsByOrg.put(o.code(), items.stream().map(CatalogItem::code).toList()));
        Set<String> active = new HashSet<>();
        for (ItemActivity a : publications.activity(itemsByOrg)) {
            if (!a.empty()) {
                active.add(a.org() + "|" + a.catalogItem());
            }
        }
        for (Map.Entry<Organisation, List<CatalogItem>> e : all.entrySet()) {
            for (CatalogItem item : e.getValue()) {
                if (!active.contains(e.getKey().code() + "|" + item.code())) {
                    fresh.add(new ObligationFlagEntity(e.getKey().code(), ObligationFlag.Kind.NEVER_PUBLISHED,
                            item.code(), null, null, 0, today));
                }
            }
        }
        tx.executeWithoutResult(s -> {
            flags.deleteEverything();
            flags.saveAll(fresh);
        });
        return fresh.size();
    }

    private static ObligationFlagEntity flag(Obligation o, ObligationFlag.Kind kind, int days, LocalDate today) {
        return new ObligationFlagEntity(o.org(), kind, o.item(), o.period(),
                o.dueOn(), days, today);
    }

    private static int order(ObligationFlag.Kind kind) {
        return switch (kind) {
            case OVERDUE -> 0;
            case DUE_SOON -> 1;
            case NEVER_PUBLISHED -> 2;
        };
    }

    private static String describe(String period) {
        try {
            return gongkai.catalog.ReportingPeriod.parse(period).describe();
        } catch (IllegalArgumentException notAPeriod) {
            return period;
        }
    }
}
