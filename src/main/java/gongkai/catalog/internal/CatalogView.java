package gongkai.catalog.internal;

import java.util.List;
import java.util.Map;

import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;

/** The JSON shape of the catalogue on the API: codes plus the Chinese descriptions a reader needs. */
final class CatalogView {

    private CatalogView() {
    }

    record Owner(String code, String name) {
    }

    /** A sector whose institutions answer for an item: code and Chinese name. */
    record Sector(String code, String label) {
    }

    record Field(String name, String type, String typeLabel, boolean required, boolean personal, List<String> choices,
            String unitField) {
        static Field of(CatalogField f) {
            return new Field(f.name(), f.type().name(), f.type().label(), f.required(), f.personal(), f.choices(),
                    f.unitField());
        }
    }

    record Item(String code, String domain, String name, String audience, String audienceLabel, String schedule,
            String scheduleDescription, List<Owner> owners, boolean countyOwners, List<Sector> ownerSectors, String content, String legalBasis,
            String subjectClass, List<String> channels, String computed, Map<String, List<String>> lists,
            List<Field> fields, boolean retired, boolean policyDocument) {
        static Item of(CatalogItem i, Map<String, String> orgNames) {
            return new Item(i.code(), i.domainCode(), i.name(), i.audience().code(), i.audience().label(),
                    i.schedule().code(), i.schedule().describe(),
                    i.ownerOrgs().stream().map(c -> new Owner(c, orgNames.getOrDefault(c, c))).toList(),
                    i.countyOwners(), i.sectors().stream().map(s -> new Sector(s.code(), s.label())).toList(),
                    i.content(), i.legalBasis(), i.subjectClass(), i.channels(), i.computed(),
                    i.lists(), i.fields().stream().map(Field::of).toList(), i.retired(), i.policyDocument());
        }
    }

    /** The whole catalogue: {@code GET /api/v1/catalog}. */
    record CatalogDomains(List<Domain> domains) {
    }

    record Domain(String code, String name, String planSection, String owners, String crossNote,
            Map<String, List<String>> lists, List<Item> items) {
        static Domain of(CatalogDomain d, Map<String, String> orgNames) {
            return new Domain(d.code(), d.name(), d.planSection(), d.ownersText(), d.crossNote(), d.lists(),
                    d.items().stream().map(i -> Item.of(i, orgNames)).toList());
        }
    }
}
