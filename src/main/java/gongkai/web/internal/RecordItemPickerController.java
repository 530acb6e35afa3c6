package gongkai.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.shared.Actor;

/**
 * The first step of entering a record (录入新信息): the items the clerk's organisation answers for, grouped by field,
 * filtered by name or code ({@code ?q=}, and as one types with scripts), each marked when the assessment finds it owed
 * now. It lives here because it joins the catalogue and the assessment, which itself depends on publishing; the form
 * for the chosen item ({@code ?item=}) is publishing's.
 */
@Controller
class RecordItemPickerController {

    /** One item as the picker lists it; {@code owed} is 本期待发布 or 已逾期, or null. */
    record PickerItem(String code, String name, String audience, String schedule, String owed, boolean overdue) {
    }

    /** One field (领域) and its items in the catalogue's order. */
    record PickerGroup(String code, String name, List<PickerItem> items) {
    }

    private final Catalog catalog;
    private final Organisations organisations;
    private final Obligations obligations;

    RecordItemPickerController(Catalog catalog, Organisations organisations, Obligations obligations) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.obligations = obligations;
    }

    @GetMapping(value = "/admin/records/new", params = "!item")
    String pick(@RequestParam(defaultValue = "") String q, Model model) {
        Organisation org = organisations.get(Actor.require().orgCode());
        String query = q.strip();
        Map<String, ObligationStatus> owed = obligations.owedBy(org.code());
        List<PickerGroup> groups = new ArrayList<>();
        int total = 0;
        int owedCount = 0;
        for (CatalogDomain domain : catalog.domains()) {
            List<PickerItem> items = new ArrayList<>();
            for (CatalogItem item : domain.items()) {
                if (item.retired() || !item.ownedBy(org)) {
                    continue;
                }
                total++;
                ObligationStatus status = owed.get(item.code());
                if (status != null) {
                    owedCount++;
                }
                if (matches(item, query)) {
                    items.add(new PickerItem(item.code(), item.name(), item.audience().label(),
                            item.schedule().describe(), status == null ? null
                                    : status == ObligationStatus.MISSING ? "已逾期" : "本期待发布",
                            status == ObligationStatus.MISSING));
                }
            }
            if (!items.isEmpty()) {
                groups.add(new PickerGroup(domain.code(), domain.name(), items));
            }
        }
        model.addAttribute("org", org);
        model.addAttribute("groups", groups);
        model.addAttribute("q", query);
        model.addAttribute("total", total);
        model.addAttribute("owedCount", owedCount);
        return "publishing/admin-choose";
    }

    private static boolean matches(CatalogItem item, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return item.name().toLowerCase(Locale.ROOT).contains(q) || item.code().toLowerCase(Locale.ROOT).contains(q);
    }
}
