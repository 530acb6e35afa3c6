package gongkai.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.assessment.internal.AssessmentProperties;
import gongkai.assessment.internal.DisclosureEventEntity;
import gongkai.assessment.internal.DisclosureEventRepository;
import gongkai.assessment.internal.ExemptionEntity;
import gongkai.assessment.internal.ExemptionRepository;
import gongkai.assessment.internal.ObligationKey;
import gongkai.assessment.internal.ResponsibleBodies;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.ReportingPeriod;
import gongkai.org.Organisation;
import gongkai.publishing.PeriodicPublication;
import gongkai.publishing.PeriodicPublications;
import gongkai.shared.PlatformConfiguration;

/**
 * 公开义务 and 公开情况: every body's obligations for a year, worked out from the catalogue's schedules, the recorded
 * events and what has been published, each with its due date and status. Nothing is stored but the exemptions and
 * the events: the statuses are computed afresh from the records, so they can never disagree with them.
 */
@Service
@Transactional(readOnly = true)
public class Obligations {

    private final ResponsibleBodies bodies;
    private final PeriodicPublications publications;
    private final DueDates dueDates;
    private final WorkingDayCalendar calendar;
    private final ExemptionRepository exemptions;
    private final DisclosureEventRepository events;
    private final AssessmentProperties properties;
    private final Clock clock;

    Obligations(ResponsibleBodies bodies, PeriodicPublications publications, DueDates dueDates,
            WorkingDayCalendar calendar, ExemptionRepository exemptions, DisclosureEventRepository events,
            AssessmentProperties properties, Clock clock) {
        this.bodies = bodies;
        this.publications = publications;
        this.dueDates = dueDates;
        this.calendar = calendar;
        this.exemptions = exemptions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** One body's count of obligations by status for a year, and how many working days late in all. */
    public record BodyStatus(String org, String orgName, String kind, boolean demo,
            Map<ObligationStatus, Integer> counts, int workingDaysLate) {

        public int count(ObligationStatus status) {
            return counts.getOrDefault(status, 0);
        }

        public int failing() {
            return count(ObligationStatus.LATE) + count(ObligationStatus.MISSING);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The day supervision began on the platform: periods ending before it owe nothing ({@code obligations-from}). */
    public LocalDate supervisedFrom() {
        return properties.obligationsFrom();
    }

    /** Every obligation of the year as of today, body by body in the directory's order. */
    public List<Obligation> ofYear(int year) {
        return ofYear(year, LocalDate.now(clock));
    }

    /** As {@link #ofYear(int)}, with the day the statuses are taken on. */
    public List<Obligation> ofYear(int year, LocalDate today) {
        return ofYear(year, today, null);
    }

    /** As {@link #ofYear(int, LocalDate)}, of one body only when {@code org} is given (no other body is worked out). */
    private List<Obligation> ofYear(int year, LocalDate today, String org) {
        Map<String, List<PeriodicPublication>> published = new HashMap<>();
        Map<Organisation, List<CatalogItem>> all = new java.util.LinkedHashMap<>(bodies.all());
        if (org != null && !org.isBlank()) {
            all.keySet().removeIf(o -> !o.code().equals(org));
        }
        List<String> scheduledItems = all.values().stream().flatMap(List::stream)
                .filter(i -> i.schedule().kind() != PublicationSchedule.Kind.EVENT).map(CatalogItem::code).distinct()
                .toList();
        for (PeriodicPublication p : publications.of(scheduledItems, year)) {
            published.computeIfAbsent(ObligationKey.of(p.org(), p.catalogItem(), p.period()), k -> new ArrayList<>())
                    .add(p);
        }
        Map<String, ExemptionEntity> exempted = new HashMap<>();
        for (ExemptionEntity e : exemptions.findAll()) {
            exempted.put(e.key(), e);
        }
        List<DisclosureEventEntity> yearEvents = events.findByOccurredOnBetweenOrderByOccurredOnAscIdAsc(
                max(LocalDate.of(year, 1, 1), properties.obligationsFrom()), LocalDate.of(year, 12, 31));
        List<Obligation> out = new ArrayList<>();
        all.forEach((body, items) -> {
            for (CatalogItem item : items) {
                if (item.schedule().kind() == PublicationSchedule.Kind.EVENT) {
                    yearEvents.stream()
                            .filter(e -> e.getOrgCode().equals(body.code()) && e.getCatalogItem().equals(item.code()))
                            .forEach(e -> out.add(forEvent(body, item, e, exempted, today)));
                } else {
                    for (ReportingPeriod p : periods(item.schedule(), year, today)) {
                        out.add(forPeriod(body, item, p, published, exempted, today));
                    }
                }
            }
        });
        return out;
    }

    /** The obligations of the year, of one body and/or one status when given. */
    public List<Obligation> find(int year, String org, ObligationStatus status) {
        return ofYear(year, LocalDate.now(clock), org).stream()
                .filter(o -> status == null || o.status() == status).toList();
    }

    /**
     * What a body owes now, item by item: {@link ObligationStatus#MISSING} where an obligation of this year or the
     * last is past its due date with nothing published, else {@link ObligationStatus#NOT_DUE} where a period (or an
     * event) has begun and awaits publication. Items owing nothing are absent. The record form's item picker marks
     * them (本期待发布, 已逾期).
     */
    public Map<String, ObligationStatus> owedBy(String org) {
        LocalDate today = LocalDate.now(clock);
        Map<String, ObligationStatus> owed = new HashMap<>();
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            for (Obligation o : ofYear(year, today, org)) {
                if (o.status() == ObligationStatus.MISSING || o.status() == ObligationStatus.NOT_DUE) {
                    owed.merge(o.item(), o.status(),
                            (was, now) -> was == ObligationStatus.MISSING ? was : now);
                }
            }
        }
        return owed;
    }

    /** Counts per body, the bodies most in arrears first (then most missing, then the directory's order). */
    public List<BodyStatus> overview(int year) {
        Map<String, BodyStatus> byOrg = new java.util.LinkedHashMap<>();
        bodies.all().keySet().forEach(o -> byOrg.put(o.code(),
                new BodyStatus(o.code(), o.name(), o.kind().label(), o.demo(), new EnumMap<>(ObligationStatus.class),
                        0)));
        for (Obligation o : ofYear(year)) {
            BodyStatus b = byOrg.get(o.org());
            b.counts().merge(o.status(), 1, Integer::sum);
            if (o.status().failing()) {
                byOrg.put(o.org(), new BodyStatus(b.org(), b.orgName(), b.kind(), b.demo(), b.counts(),
                        b.workingDaysLate() + o.workingDaysLate()));
            }
        }
        List<BodyStatus> list = new ArrayList<>(byOrg.values());
        List<String> order = new ArrayList<>(byOrg.keySet());
        list.sort(Comparator.comparingInt(BodyStatus::failing).reversed()
                .thenComparing(Comparator.comparingInt((BodyStatus b) -> b.count(ObligationStatus.MISSING)).reversed())
                .thenComparingInt(b -> order.indexOf(b.org())));
        return list;
    }

    /** The periods of a year a schedule reports by that have begun by today and end on or after the start date. */
    List<ReportingPeriod> periods(PublicationSchedule schedule, int year, LocalDate today) {
        ReportingPeriod.Kind kind = ReportingPeriod.of(schedule);
        ReportingPeriod p = switch (kind) {
            case MONTH -> ReportingPeriod.month(year, 1);
            case QUARTER -> ReportingPeriod.quarter(year, 1);
            case YEAR -> ReportingPeriod.year(year);
        };
        List<ReportingPeriod> out = new ArrayList<>();
        while (p.year() == year && !p.firstDay().isAfter(today)) {
            if (!p.lastDay().isBefore(properties.obligationsFrom())) {
                out.add(p);
            }
            p = p.next();
        }
        return out;
    }

    private Obligation forPeriod(Organisation org, CatalogItem item, ReportingPeriod period,
            Map<String, List<PeriodicPublication>> published, Map<String, ExemptionEntity> exempted,
            LocalDate today) {
        String key = ObligationKey.of(org.code(), item.code(), period.toString());
        LocalDate due = dueDates.dueOn(item.schedule(), period);
        List<PeriodicPublication> answers = published.getOrDefault(key, List.of());
        return settle(org, item, period.toString(), period.describe(), due, !calendar.covers(period.lastDay(), due),
                answers, exempted.get(key), null, today);
    }

    private Obligation forEvent(Organisation org, CatalogItem item, DisclosureEventEntity e,
            Map<String, ExemptionEntity> exempted, LocalDate today) {
        int n = item.schedule().days();
        LocalDate due = n == 0 ? e.getOccurredOn() : calendar.nthWorkingDayAfter(e.getOccurredOn(), n);
        List<PeriodicPublication> answers = publications.firstSince(item.code(), org.code(),
                e.getOccurredOn().atStartOfDay(PlatformConfiguration.CHINA).toInstant()).stream().toList();
        String period = ObligationKey.event(e.getId());
        return settle(org, item, e.getOccurredOn().toString(), e.getDescription(), due,
                !calendar.covers(e.getOccurredOn(), due), answers,
                exempted.get(ObligationKey.of(org.code(), item.code(), period)), e.getId(), today);
    }

    private Obligation settle(Organisation org, CatalogItem item, String period, String label, LocalDate due,
            boolean provisional, List<PeriodicPublication> answers, ExemptionEntity exemption, Long eventId,
            LocalDate today) {
        List<String> records = answers.stream().map(PeriodicPublication::indexNo).toList();
        LocalDate publishedOn = answers.isEmpty() ? null
                : answers.get(0).firstPublishedAt().atZone(PlatformConfiguration.CHINA).toLocalDate();
        ObligationStatus status;
        int late = 0;
        if (exemption != null) {
            status = ObligationStatus.EXEMPT;
        } else if (publishedOn != null) {
            status = publishedOn.isAfter(due) ? ObligationStatus.LATE : ObligationStatus.ON_TIME;
            late = publishedOn.isAfter(due) ? Math.max(1, calendar.workingDaysBetween(due, publishedOn)) : 0;
        } else if (today.isAfter(due)) {
            status = ObligationStatus.MISSING;
            late = calendar.workingDaysBetween(due, today);
        } else {
            status = ObligationStatus.NOT_DUE;
        }
        return new Obligation(org.code(), org.name(), item.code(), item.name(), period, label, due, provisional,
                status, publishedOn, late, records, exemption == null ? null : exemption.getReason(), eventId);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
