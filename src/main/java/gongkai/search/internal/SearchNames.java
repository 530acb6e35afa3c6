package gongkai.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.OrganisationName;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.ReferenceFiles;

/**
 * The {@link Lexicon} of the bodies and catalogue items as they stand, read at most once a minute rather than at every
 * search. A body is known by every name it bore, by the usual short forms derived from them (宜春市民政局 → 市民政局,
 * 民政局; 袁州区人民政府 → 袁州区政府, 区政府) and by those listed in {@code reference/organisation-aliases.csv}.
 */
@Component
public class SearchNames {

    private static final String ALIASES = "organisation-aliases.csv";

    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final ReferenceFiles files;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Lexicon.empty(), Map.of(), Instant.EPOCH);

    private record Snapshot(Lexicon lexicon, Map<Lexicon.Name, Set<String>> forms, Instant readAt) {
    }

    SearchNames(Catalog catalog, Organisations organisations, Regions regions, ReferenceFiles files, Clock clock) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.files = files;
        this.clock = clock;
    }

    public Lexicon lexicon() {
        return current().lexicon();
    }

    /**
     * Every body and catalogue item (bodies first) with the forms it is known by, folded: its name, former names,
     * their short forms and contractions ({@link ShortNames}), and the listed aliases. For suggestions while typing.
     */
    public Map<Lexicon.Name, Set<String>> forms() {
        return current().forms();
    }

    private Snapshot current() {
        Instant now = Instant.now(clock);
        Snapshot current = snapshot;
        if (current.readAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
            current = read(now);
            snapshot = current;
        }
        return current;
    }

    private Snapshot read(Instant now) {
        Lexicon.Builder builder = Lexicon.builder();
        Map<Lexicon.Name, Set<String>> known = new java.util.LinkedHashMap<>();
        Map<String, List<String>> listed = new HashMap<>();
        for (ReferenceFiles.Row row : files.readCsv(ALIASES)) {
            listed.computeIfAbsent(row.get("code"), k -> new ArrayList<>()).add(row.get("alias"));
        }
        // Longest region names first, so that 宜春经济技术开发区… is not read as 宜春 + the rest.
        List<Region> places = regions.all().stream()
                .sorted(Comparator.comparingInt((Region r) -> r.name().length()).reversed()).toList();
        for (Organisation o : organisations.all()) {
            Set<String> forms = new LinkedHashSet<>();
            forms.add(o.name());
            organisations.names(o.code()).stream().map(OrganisationName::name).forEach(forms::add);
            for (String name : List.copyOf(forms)) {
                forms.addAll(shortForms(name, places));
            }
            for (String form : List.copyOf(forms)) {
                forms.addAll(ShortNames.of(form)); // 人民政府 → 政府, 管理委员会 → 管委会, 环境保护局 → 环保局 …
            }
            forms.addAll(listed.getOrDefault(o.code(), List.of()));
            builder.name(Lexicon.Kind.ORG, o.code(), o.name(), List.copyOf(forms), null);
            known.put(new Lexicon.Name(Lexicon.Kind.ORG, o.code(), o.name()), folded(forms));
        }
        for (CatalogItem item : catalog.items()) {
            if (!item.retired()) {
                String choices = item.fields().stream().flatMap(f -> f.choices().stream())
                        .collect(java.util.stream.Collectors.joining(" "));
                builder.name(Lexicon.Kind.ITEM, item.code(), item.name(), List.of(item.name()), choices);
                known.put(new Lexicon.Name(Lexicon.Kind.ITEM, item.code(), item.name()),
                        folded(ShortNames.of(item.name())));
            }
        }
        return new Snapshot(builder.build(), java.util.Collections.unmodifiableMap(known), now);
    }

    private static Set<String> folded(java.util.Collection<String> forms) {
        Set<String> out = new LinkedHashSet<>();
        forms.forEach(f -> out.add(Vocabulary.fold(f.strip())));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** 宜春市民政局 → 市民政局, 民政局; 袁州区人民政府 → 袁州区政府, 区政府, 区人民政府. */
    static List<String> shortForms(String name, List<Region> places) {
        List<String> forms = new ArrayList<>();
        for (Region place : places) {
            String prefix = place.name();
            if (!name.startsWith(prefix) || name.length() <= prefix.length()) {
                continue;
            }
            String rest = name.substring(prefix.length());
            String level = prefix.substring(prefix.length() - 1);
            boolean levelled = level.equals("市") || level.equals("区") || level.equals("县");
            if (rest.startsWith("人民政府")) {
                String government = "政府" + rest.substring("人民政府".length());
                forms.add(prefix + government);
                if (levelled) {
                    forms.add(level + rest);
                    forms.add(level + government);
                }
            } else {
                if (levelled) {
                    forms.add(level + rest);
                }
                if (rest.length() >= 3) {
                    forms.add(rest);
                }
            }
            break;
        }
        return forms;
    }
}
