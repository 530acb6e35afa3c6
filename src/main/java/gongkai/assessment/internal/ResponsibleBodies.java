package gongkai.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;

/**
 * Who must publish what: each body and the catalogue items it is responsible for (its 事项清单), as the catalogue
 * names them — city owners by code, county governments and district committees for the items of their areas,
 * institutions for the items of their sector.
 */
@Component
public class ResponsibleBodies {

    private final Catalog catalog;
    private final Organisations organisations;
    ResponsibleBodies(Catalog catalog, Organisations organisations) {
        this.catalog = catalog;
        this.organisations = organisations;
    }

    /** Every body with at least one item, in the directory's order, with its items. */
    public Map<Organisation, List<CatalogItem>> all() {
        Map<Organisation, List<CatalogItem>> out = new LinkedHashMap<>();
        for (Organisation o : organisations.all()) {
            List<CatalogItem> items = itemsOf(o);
            if (!items.isEmpty()) {
                out.put(o, items);
            }
        }
        return out;
    }

    public List<CatalogItem> itemsOf(Organisation o) {
        return catalog.itemsOwnedBy(o);
    }

    public boolean responsible(Organisation o, String item) {
        return itemsOf(o).stream().anyMatch(i -> i.code().equals(item));
    }
}
