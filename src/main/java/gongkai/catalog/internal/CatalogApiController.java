package gongkai.catalog.internal;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gongkai.catalog.Catalog;
import gongkai.org.Organisations;

/** {@code /api/v1/catalog}: the disclosure catalogue, open to everyone. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogApiController {

    private final Catalog catalog;
    private final Organisations organisations;

    CatalogApiController(Catalog catalog, Organisations organisations) {
        this.catalog = catalog;
        this.organisations = organisations;
    }

    @GetMapping
    CatalogView.CatalogDomains catalog() {
        Map<String, String> names = organisations.namesByCode();
        return new CatalogView.CatalogDomains(catalog.domains().stream().map(d -> CatalogView.Domain.of(d, names))
                .toList());
    }

    @GetMapping("/items/{code}")
    CatalogView.Item item(@PathVariable String code) {
        return CatalogView.Item.of(catalog.requireItem(code), organisations.namesByCode());
    }

    @GetMapping("/subject-classes")
    Map<String, List<String>> subjectClasses() {
        return catalog.subjectClasses().classes();
    }
}
