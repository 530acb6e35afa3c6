package gongkai.assessment.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.assessment.Obligation;
import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Regions;
import gongkai.shared.NotFoundProblem;

/**
 * 公开情况 ({@code /disclosure-status}): the city-wide overview, worst first, with every body's 事项清单; or one body's
 * obligations for a year, each with its period, due date, status and the records that answer it.
 */
@Controller
class DisclosureStatusController {

    private final Obligations obligations;
    private final ResponsibleBodies bodies;
    private final Organisations organisations;
    private final Regions regions;
    private final StatusYears years;
    private final ItemListings listings;
    private final gongkai.assessment.Supervision supervision;
    private final java.time.Clock clock;

    DisclosureStatusController(Obligations obligations, ResponsibleBodies bodies, Organisations organisations,
            Regions regions, StatusYears years, ItemListings listings, gongkai.assessment.Supervision supervision,
            java.time.Clock clock) {
        this.supervision = supervision;
        this.clock = clock;
        this.obligations = obligations;
        this.bodies = bodies;
        this.organisations = organisations;
        this.regions = regions;
        this.years = years;
        this.listings = listings;
    }

    @GetMapping("/disclosure-status")
    String page(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String county, @RequestParam(required = false) String status,
            Model model) {
        int y = years.require(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years.all());
        model.addAttribute("statuses", ObligationStatus.values());
        if (org != null && !org.isBlank()) {
            Organisation o = organisations.find(org.strip())
                    .orElseThrow(() -> new NotFoundProblem("没有代码为“" + org + "”的机构。"));
            ObligationStatus only = ObligationStatus.filter(status);
            List<Obligation> list = obligations.find(y, o.code(), null);
            model.addAttribute("org", o);
            model.addAttribute("status", only);
            model.addAttribute("list", only == null ? list : list.stream().filter(x -> x.status() == only).toList());
            model.addAttribute("counts", counts(list));
            model.addAttribute("total", list.size());
            List<CatalogItem> items = bodies.itemsOf(o);
            model.addAttribute("items", items);
            model.addAttribute("itemNames", items.stream()
                    .collect(java.util.stream.Collectors.toMap(CatalogItem::code, CatalogItem::name)));
            model.addAttribute("subItems", listings.approvedOf(o.code()));
            return "assessment/status-org";
        }
        Set<String> within = county == null || county.isBlank() ? null : regions.selfAndDescendants(county.strip());
        if (within != null && within.isEmpty()) {
            throw new NotFoundProblem("没有代码为“" + county + "”的区划。");
        }
        model.addAttribute("county", county == null || county.isBlank() ? null : regions.get(county.strip()));
        model.addAttribute("counties", regions.countyLevel());
        model.addAttribute("rows", obligations.overview(y).stream()
                .filter(b -> within == null || within.contains(organisations.get(b.org()).regionCode())).toList());
        model.addAttribute("overdueFindings", supervision.overdue(java.time.LocalDate.now(clock)).stream()
                .filter(f -> within == null || within.contains(organisations.get(f.org()).regionCode())).toList());
        Map<Organisation, List<CatalogItem>> all = bodies.all();
        model.addAttribute("listings", all);
        return "assessment/status";
    }

    private static Map<ObligationStatus, Long> counts(List<Obligation> list) {
        Map<ObligationStatus, Long> m = new java.util.EnumMap<>(ObligationStatus.class);
        for (ObligationStatus s : ObligationStatus.values()) {
            m.put(s, list.stream().filter(o -> o.status() == s).count());
        }
        return m;
    }
}
