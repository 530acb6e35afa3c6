package gongkai.opendata.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.org.Organisations;
import gongkai.region.Regions;
import gongkai.shared.InvalidInputProblem;

/**
 * The filters a reader or a program gives a dataset search (the API refuses a bad one, the page drops it and says so;
 * both ask the same predicates here) ({@code domain}, {@code org}, {@code county},
 * {@code page}), checked against the reference data: an unknown code is refused with a message that names it rather
 * than answering an empty list that looks like "no data".
 */
@Component
public class DatasetFilters {

    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;

    DatasetFilters(Catalog catalog, Organisations organisations, Regions regions) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
    }

    /** Whether the code names a field of the catalogue. */
    public boolean isDomain(String code) {
        return catalog.domain(code.strip()).isPresent();
    }

    /** Whether the code names an organisation. */
    public boolean isOrg(String code) {
        return organisations.exists(code.strip());
    }

    /** Whether the code names a county-level region, or the city itself (its own bodies). */
    public boolean isCounty(String code) {
        String c = code.strip();
        return regions.exists(c) && (regions.get(c).isCountyLevel() || regions.isTop(c));
    }

    public List<String> domains(String code) {
        if (blank(code)) {
            return List.of();
        }
        if (!isDomain(code)) {
            throw new InvalidInputProblem("domain", "没有代码为“" + code.strip() + "”的领域。");
        }
        return List.of(code.strip());
    }

    public List<String> orgs(String code) {
        if (blank(code)) {
            return List.of();
        }
        if (!isOrg(code)) {
            throw new InvalidInputProblem("org", "没有代码为“" + code.strip() + "”的机构。");
        }
        return List.of(code.strip());
    }

    public List<String> counties(String code) {
        if (blank(code)) {
            return List.of();
        }
        if (!isCounty(code)) {
            throw new InvalidInputProblem("county", "没有代码为“" + code.strip() + "”的县（市、区）。");
        }
        return List.of(code.strip());
    }

    /** A page number from 1; anything else is refused. */
    public int page(String page) {
        if (blank(page)) {
            return 1;
        }
        try {
            int p = Integer.parseInt(page.strip());
            if (p >= 1 && p <= 10_000) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputProblem("page", "页码应为1到10000之间的整数。");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
