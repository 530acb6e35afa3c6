package gongkai.web.internal;

import java.time.LocalDate;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.opendata.Dataset;
import gongkai.opendata.Datasets;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.publishing.RecordFilter;
import gongkai.reporting.AnnualReportYear;
import gongkai.reporting.AnnualReports;
import gongkai.reporting.Guides;
import gongkai.publishing.RecordSummary;
import gongkai.publishing.Records;
import gongkai.region.Region;
import gongkai.region.Regions;

/** The public pages that bring modules together: home, a domain, a catalogue item, a region, an organisation. */
@Controller
class PortalController {

    /** 政府信息公开制度: the catalogue item under which a body publishes its own disclosure rules (catalog.yaml). */
    static final String RULES_ITEM = "gd-rules";

    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final Records records;
    private final AnnualReports annualReports;
    private final Datasets datasets;
    private final Clock clock;

    PortalController(Catalog catalog, Organisations organisations, Regions regions, Records records,
            AnnualReports annualReports, Datasets datasets, Clock clock) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.records = records;
        this.annualReports = annualReports;
        this.datasets = datasets;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("domains", catalog.domains().stream().filter(CatalogDomain::planField).toList());
        model.addAttribute("institutionDomains", catalog.domains().stream().filter(CatalogDomain::forInstitutions).toList());
        model.addAttribute("counties", regions.countyLevel());
        model.addAttribute("latest", latest(RecordFilter.none()));
        return "web/home";
    }

    @GetMapping("/catalog/{itemCode}")
    String catalogItem(@PathVariable String itemCode, Model model) {
        CatalogItem item = catalog.requireItem(itemCode);
        Map<String, String> names = organisations.namesByCode();
        Map<String, String> owners = new LinkedHashMap<>();
        item.ownerOrgs().forEach(c -> owners.put(c, names.getOrDefault(c, c)));
        model.addAttribute("item", item);
        model.addAttribute("domain", catalog.requireDomain(item.domainCode()));
        model.addAttribute("owners", owners);
        model.addAttribute("latest", latest(new RecordFilter(null, null, null, itemCode, null, null)));
        // Its rows as open data: one dataset per body that publishes under it (数据开放).
        model.addAttribute("datasets", item.hasSchema()
                ? datasets.all().stream().filter(d -> d.itemCode().equals(itemCode)).toList() : List.<Dataset>of());
        return "catalog/item";
    }

    @GetMapping("/domains/{domain}")
    String domain(@PathVariable String domain, Model model) {
        CatalogDomain d = catalog.requireDomain(domain);
        model.addAttribute("domain", d);
        model.addAttribute("items", d.items().stream().filter(i -> !i.retired()).toList());
        model.addAttribute("latest", latest(new RecordFilter(domain, null, null, null, null, null)));
        return "web/domain";
    }

    @GetMapping("/orgs")
    String organisations(Model model) {
        Map<OrganisationKind, List<Organisation>> byKind = new LinkedHashMap<>();
        for (Organisation o : organisations.all()) {
            byKind.computeIfAbsent(o.kind(), k -> new java.util.ArrayList<>()).add(o);
        }
        model.addAttribute("byKind", byKind);
        return "web/orgs";
    }

    /** A regulated institution on its regulator's page (归集展示), with its latest records open to everyone. */
    record Regulated(Organisation org, Page<RecordSummary> latest) {
    }

    /**
     * The 政府信息公开 column of a body, in the order residents know: 指南, 制度, 法定主动公开内容, 年报. A missing report
     * shows from the day after its due date; a page kept in memory shows it at most the cache's time-to-live later.
     *
     * @param title      政府信息公开 (信息公开 for an institution)
     * @param guideTitle the name of the body's guide
     * @param rules      the body's latest published rules (制度)
     * @param fields     the items the body answers for, by field: the plan's seven fields first, then the rest
     * @param reports    its annual reports (年报) by year, newest first, the missing ones among them
     */
    record DisclosureColumn(Organisation org, String title, String guideTitle, Page<RecordSummary> rules,
            List<ItemsOfField> fields, List<AnnualReportYear> reports) {

        public String rulesItem() {
            return RULES_ITEM;
        }

        /** Few fields are shown open; a county's many are folded, one per field. */
        public boolean unfolded() {
            return fields.size() <= 2;
        }
    }

    /** A field (领域) of the catalogue and the body's items in it. */
    record ItemsOfField(String name, List<CatalogItem> items) {
    }

    private DisclosureColumn column(Organisation org) {
        List<CatalogItem> items = catalog.itemsOwnedBy(org);
        // The disclosure work's own section (the field of 制度, with the annual reports) has its places in the column.
        String ownSection = catalog.item(RULES_ITEM).map(CatalogItem::domainCode).orElse(null);
        List<ItemsOfField> fields = catalog.domains().stream()
                .filter(d -> !d.code().equals(ownSection))
                .sorted(Comparator.comparing((CatalogDomain d) -> !d.planField()))
                .map(d -> new ItemsOfField(d.name(), items.stream().filter(i -> i.domainCode().equals(d.code())).toList()))
                .filter(f -> !f.items().isEmpty()).toList();
        return new DisclosureColumn(org, org.disclosureName(), Guides.titleOf(org),
                records.published(new RecordFilter(null, org.code(), null, RULES_ITEM, null, null), 0, 5), fields,
                annualReports.years(org.code()));
    }

    @GetMapping("/orgs/{code}")
    String organisation(@PathVariable String code, Model model) {
        Organisation org = organisations.get(code);
        if (org.kind() == OrganisationKind.ENTERPRISE) {
            // An enterprise discloses no government information: its page is its monitoring results.
            return "redirect:/environment/pollution-sources/" + org.creditCode();
        }
        List<CatalogItem> items = catalog.itemsOwnedBy(org);
        model.addAttribute("org", org);
        model.addAttribute("column", column(org));
        model.addAttribute("regulator", org.regulator() == null ? null : organisations.get(org.regulator()));
        model.addAttribute("regulated", organisations.regulatedBy(code).stream()
                .map(o -> new Regulated(o, records.published(new RecordFilter(null, o.code(), null, null, null, null), 0, 3)))
                .toList());
        model.addAttribute("region", regions.find(org.regionCode()).orElse(null));
        model.addAttribute("names", organisations.names(code));
        // What the body answers for, in Chinese and from the catalogue: the fields of the items it owns, in the
        // catalogue's order (the reference file's "role in the plan" is an English note for developers).
        Set<String> owned = items.stream().map(CatalogItem::domainCode).collect(Collectors.toSet());
        model.addAttribute("fields", catalog.domains().stream().filter(d -> d.planField() && owned.contains(d.code()))
                .map(CatalogDomain::name).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("latest", latest(new RecordFilter(null, code, null, null, null, null)));
        model.addAttribute("datasetCount", datasets.all().stream().filter(d -> d.orgCode().equals(code)).count());
        return "web/org";
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        Region region = regions.get(code);
        model.addAttribute("region", region);
        model.addAttribute("path", regions.path(code));
        model.addAttribute("children", regions.children(code));
        List<Organisation> inRegion = organisations.inRegion(code);
        model.addAttribute("organisations", inRegion);
        // A county's page names its government's responsible leader and shows its 政府信息公开 column, as the
        // government's own page does.
        Organisation government = region.isCountyLevel() ? inRegion.stream()
                .filter(o -> o.kind() == OrganisationKind.COUNTY_GOVERNMENT
                        || o.kind() == OrganisationKind.DISTRICT_COMMITTEE)
                .findFirst().orElse(null) : null;
        model.addAttribute("government", government);
        model.addAttribute("column", government == null ? null : column(government));
        model.addAttribute("latest", latest(new RecordFilter(null, null, code, null, null, null)));
        return "web/region";
    }

    /** The ten latest records open to everyone under a filter, with the total for the "more" link. */
    private Page<RecordSummary> latest(RecordFilter filter) {
        return records.published(filter, 0, 10);
    }
}
