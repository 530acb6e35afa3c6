package gongkai.opendata.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.org.Organisations;
import gongkai.region.Regions;
import gongkai.shared.InvalidInputProblem;

/**
 * The filters a reader or a program gives a dataset search ({@code domain}, {@code org}, {@code county},
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

    public List<String> domains(String code) {
        if (blank(code)) {
            return List.of();
        }
        if (catalog.domain(code.strip()).isEmpty()) {
            throw new InvalidInputProblem("domain", "没有代码为“" + code.strip() + "”的领域。");
        }
        return List.of(code.strip());
    }

    public List<String> orgs(String code) {
        if (blank(code)) {
            return List.of();
        }
        if (!organisations.exists(code.strip())) {
            throw new InvalidInputProblem("org", "没有代码为“" + code.strip() + "”的机构。");
        }
        return List.of(code.strip());
    }

    public List<String> counties(String code) {
        if (blank(code)) {
            return List.of();
        }
        String c = code.strip();
        if (!regions.exists(c) || !(regions.get(c).isCountyLevel() || regions.isTop(c))) {
            throw new InvalidInputProblem("county", "没有代码为“" + c + "”的县（市、区）。");
        }
        return List.of(c);
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
