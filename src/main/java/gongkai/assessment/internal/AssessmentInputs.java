package gongkai.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import gongkai.assessment.AssessmentGroup;
import gongkai.assessment.Obligation;
import gongkai.assessment.Obligations;
import gongkai.assessment.Supervision;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.PublicationSchedule;
import gongkai.org.Organisation;
import gongkai.publishing.ItemActivity;
import gongkai.publishing.PeriodicPublications;
import gongkai.publishing.PolicyPublication;
import gongkai.requests.RequestFigures;
import gongkai.requests.RequestStatistics;
import gongkai.shared.ComplaintFigures;
import gongkai.shared.PlatformConfiguration;

/** Gathers each body's year for the assessment: a few aggregate reads for all bodies, then one per body. */
@Component
public class AssessmentInputs {

    /** The basis names at most this many policies of a body not interpreted in time (the counts cover all). */
    static final int NAMED_POLICIES = 50;

    private final ResponsibleBodies bodies;
    private final Obligations obligations;
    private final PeriodicPublications publications;
    private final LinkCheckResults links;
    private final RequestStatistics requests;
    private final Supervision supervision;
    private final WorkingDayCalendar calendar;
    private final AssessmentProperties properties;
    private final Clock clock;
    /** The feedback module's complaints, when it is there. */
    private final org.springframework.beans.factory.ObjectProvider<ComplaintFigures> complaints;

    AssessmentInputs(ResponsibleBodies bodies, Obligations obligations, PeriodicPublications publications,
            RequestStatistics requests, Supervision supervision, LinkCheckResults links, WorkingDayCalendar calendar,
            AssessmentProperties properties, Clock clock,
            org.springframework.beans.factory.ObjectProvider<ComplaintFigures> complaints) {
        this.complaints = complaints;
        this.bodies = bodies;
        this.obligations = obligations;
        this.publications = publications;
        this.requests = requests;
        this.supervision = supervision;
        this.links = links;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    public List<BodyYear> of(int year, AssessmentGroup group) {
        LocalDate today = LocalDate.now(clock);
        Map<Organisation, List<CatalogItem>> all = bodies.all();
        Map<String, List<Obligation>> obligationsByOrg = obligations.ofYear(year, today).stream()
                .collect(Collectors.groupingBy(Obligation::org));
        List<String> policyItems = all.values().stream().flatMap(List::stream).filter(CatalogItem::policyDocument)
                .map(CatalogItem::code).distinct().toList();
        Map<String, List<PolicyPublication>> policiesByOrg = publications.policies(policyItems,
                ZonedDateTime.of(LocalDate.of(year, 1, 1).atStartOfDay(), PlatformConfiguration.CHINA).toInstant(),
                ZonedDateTime.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(), PlatformConfiguration.CHINA).toInstant())
                .stream().collect(Collectors.groupingBy(PolicyPublication::org));
        Map<String, List<String>> itemsByOrg = new java.util.LinkedHashMap<>();
        all.forEach((o, items) -> {
            if (group.includes(o.kind())) {
                itemsByOrg.put(o.code(), items.stream().map(CatalogItem::code).toList());
            }
        });
        Map<String, ItemActivity> activity = new HashMap<>();
        publications.activity(itemsByOrg).forEach(a -> activity.put(a.org() + "|" + a.catalogItem(), a));
        Map<LocalDate, LocalDate> deadlineOf = new HashMap<>();
        Map<String, RequestFigures> requestFigures = requests.assessmentFigures(year).stream()
                .collect(Collectors.toMap(RequestFigures::orgCode, f -> f));
        Map<String, ComplaintFigures.Figures> complaintFigures = new HashMap<>();
        complaints.ifAvailable(c -> c.ofYear(year).forEach(f -> complaintFigures.put(f.org(), f)));
        List<BodyYear> out = new ArrayList<>();
        all.forEach((org, items) -> {
            if (!group.includes(org.kind())) {
                return;
            }
            List<PolicyPublication> policies = policiesByOrg.getOrDefault(org.code(), List.of());
            List<LocalDate> deadlines = policies.stream().map(p -> deadlineOf.computeIfAbsent(
                    p.firstPublishedAt().atZone(PlatformConfiguration.CHINA).toLocalDate(),
                    d -> calendar.plusWorkingDays(d, properties.rules().interpretationWorkingDays()))).toList();
            List<Long> named = new ArrayList<>();
            for (int i = 0; i < policies.size() && named.size() < NAMED_POLICIES; i++) {
                PolicyPublication p = policies.get(i);
                if (!Scoring.excused(p) && !Scoring.interpretedInTime(p, deadlines.get(i))) {
                    named.add(p.id());
                }
            }
            out.add(new BodyYear(org, year, today, obligationsByOrg.getOrDefault(org.code(), List.of()), policies,
                    deadlines, publications.names(named), requestFigures.getOrDefault(org.code(), RequestFigures.none(org.code())),
                    supervision.findingsOf(org.code(), year),
                    complaintFigures.getOrDefault(org.code(), ComplaintFigures.Figures.none(org.code())),
                    website(org, items, activity, today)));
        });
        return out;
    }

    private BodyYear.WebsiteInspection website(Organisation org, List<CatalogItem> items,
            Map<String, ItemActivity> activity, LocalDate today) {
        List<String> empty = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (CatalogItem item : items) {
            ItemActivity a = activity.get(org.code() + "|" + item.code());
            if (a == null || a.empty()) {
                empty.add(item.name());
                continue;
            }
            LocalDate last = a.lastPublishedAt().atZone(PlatformConfiguration.CHINA).toLocalDate();
            LocalDate staleBefore = switch (item.schedule().kind()) {
                // Two periods and the time to publish: a column that skipped a whole period is stale.
                case MONTHLY -> today.minusMonths(2).minusDays(15);
                case QUARTERLY -> today.minusMonths(6).minusDays(30);
                case YEARLY -> today.minusMonths(15);
                case EVENT -> item.policyDocument() ? today.minusMonths(properties.rules().staleMonths()) : null;
            };
            if (staleBefore != null && last.isBefore(staleBefore)) {
                stale.add(item.name() + "（最近一次" + last + "）");
            }
        }
        return new BodyYear.WebsiteInspection(empty, stale, links.brokenOn(org.code()),
                links.lastRun(org.code()).map(LinkCheckResults.Run::checkedOn).orElse(null));
    }

    static boolean scheduled(CatalogItem item) {
        return item.schedule().kind() != PublicationSchedule.Kind.EVENT;
    }
}
