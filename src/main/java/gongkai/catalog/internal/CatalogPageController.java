package gongkai.catalog.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import gongkai.catalog.Catalog;

/** The public catalogue page; an item's page, which lists its records, is rendered by the web module. */
@Controller
class CatalogPageController {

    private final Catalog catalog;

    CatalogPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    String catalog(Model model) {
        model.addAttribute("domains", catalog.domains());
        return "catalog/index";
    }
}
