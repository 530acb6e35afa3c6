package gongkai.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisations;

/** The public catalogue pages. */
@Controller
class CatalogPageController {

    private final Catalog catalog;
    private final Organisations organisations;

    CatalogPageController(Catalog catalog, Organisations organisations) {
        this.catalog = catalog;
        this.organisations = organisations;
    }

    @GetMapping("/catalog")
    String catalog(Model model) {
        model.addAttribute("domains", catalog.domains());
        return "catalog/index";
    }

    @GetMapping("/catalog/{itemCode}")
    String item(@PathVariable String itemCode, Model model) {
        CatalogItem item = catalog.requireItem(itemCode);
        Map<String, String> names = organisations.namesByCode();
        Map<String, String> owners = new LinkedHashMap<>();
        item.ownerOrgs().forEach(c -> owners.put(c, names.getOrDefault(c, c)));
        model.addAttribute("item", item);
        model.addAttribute("domain", catalog.requireDomain(item.domainCode()));
        model.addAttribute("owners", owners);
        return "catalog/item";
    }
}
