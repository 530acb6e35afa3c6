package gongkai.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.region.Regions;

/** The footer's pages about the site itself: the site map and the accessibility statement (无障碍声明). */
@Controller
class SiteInfoController {

    private final Catalog catalog;
    private final Regions regions;

    SiteInfoController(Catalog catalog, Regions regions) {
        this.catalog = catalog;
        this.regions = regions;
    }

    /** 网站地图: every public section, with the catalogue's fields and the counties, as the pages link them. */
    @GetMapping("/sitemap")
    String sitemap(Model model) {
        model.addAttribute("domains", catalog.domains().stream().filter(CatalogDomain::planField).toList());
        model.addAttribute("institutionDomains",
                catalog.domains().stream().filter(CatalogDomain::forInstitutions).toList());
        model.addAttribute("counties", regions.countyLevel());
        return "web/sitemap";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "web/accessibility";
    }
}
