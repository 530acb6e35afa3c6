package gongkai.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 地表水环境质量评价 by 环办〔2011〕22号 over GB 3838-2002: a section's quarter of samples averaged item by item, each
 * mean classed (the 湖、库 column of 总磷 for lakes and reservoirs), the section's class the worst among the evaluated
 * items (水温, 粪大肠菌群 and a river's 总氮 are reported, not evaluated), its status word, and, worse than class III,
 * its main pollutants with their 超标倍数; then the county summary.
 *
 * <p>Main pollutants: the items worse than class III, 氰化物 and the heavy metals marked {@code priority} first (the
 * method puts them first "when over the limit"; how this combines with the class order is UNCONFIRMED, here they
 * lead), then the worst class, then the largest 超标倍数, items without one (pH, 溶解氧) after those with one in the
 * same class, then the standard's order; the first three.
 */
public class SurfaceWaterAssessment {

    private final SurfaceWaterStandard standard;

    public SurfaceWaterAssessment(SurfaceWaterStandard standard) {
        this.standard = standard;
    }

    /**
     * A section's quality over a period from its samples, any subset of items in each.
     *
     * @throws IllegalArgumentException for no samples, an unknown item, a negative value, an item not of Table 1, or
     *                                  no evaluated item, naming the section and the item
     */
    public SectionQuality section(String section, WaterBody body, List<WaterSample> samples) {
        return ofMeans(section, body, standard.means(section, samples));
    }

    /**
     * A section's quality from means already taken (also the county's averaged concentrations).
     *
     * @throws IllegalArgumentException for an item not of GB 3838 Table 1, or no evaluated item
     */
    public SectionQuality ofMeans(String section, WaterBody body, Map<WaterItem, BigDecimal> means) {
        List<ItemQuality> items = new ArrayList<>();
        WaterClass worst = null;
        for (WaterItem item : standard.items()) {
            BigDecimal mean = means.get(item);
            if (mean == null) {
                continue;
            }
            if (item.table() != WaterItem.Table.BASIC) {
                throw new IllegalArgumentException(section + "：" + item.name() + "不是地表水环境质量标准基本项目");
            }
            boolean reference = item.referenceOnly(body);
            WaterClass cls = item.classified() ? item.classOf(mean, body) : null;
            BigDecimal multiple = null;
            if (!reference && cls != null && cls.worseThan(WaterClass.III) && item.multiple()) {
                multiple = standard.multiple(mean, item.limitOf(WaterClass.III, body));
            }
            items.add(new ItemQuality(item, mean, cls, reference, multiple));
            if (!reference && cls != null) {
                worst = worst == null ? cls : WaterClass.worse(worst, cls);
            }
        }
        if (worst == null) {
            throw new IllegalArgumentException(section + "没有可评价的监测项目（水温、粪大肠菌群"
                    + (body == WaterBody.RIVER ? "、总氮" : "") + "只作参考）");
        }
        List<MainPollutant> main = List.of();
        if (worst.worseThan(WaterClass.III)) {
            List<WaterItem> order = standard.items();
            main = items.stream().filter(ItemQuality::overClassIII)
                    .sorted(Comparator.comparing((ItemQuality q) -> !q.item().priority())
                            .thenComparing(ItemQuality::waterClass, Comparator.reverseOrder())
                            .thenComparing(ItemQuality::multiple, Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(q -> order.indexOf(q.item())))
                    .limit(standard.mainPollutants())
                    .map(q -> new MainPollutant(q.item(), q.waterClass(), q.multiple()))
                    .toList();
        }
        return new SectionQuality(section, body, items, worst, standard.status(worst), main);
    }

    /**
     * A county's (or a river's) summary over its sections' qualities for the same period. With fewer sections than
     * the standard's {@code sharesFromSections}: each item's means averaged over the sections that measured it, then
     * classed as one section (the 湖、库 column when every section is a lake or reservoir, the river column otherwise).
     * Otherwise: the shares of sections per class and the status by the share rules, compared on exact counts.
     *
     * @throws IllegalArgumentException for no sections
     */
    public CountyWaterSummary county(String county, List<SectionQuality> sections) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException(county + "没有断面监测结果");
        }
        int n = sections.size();
        Map<WaterClass, Integer> counts = new EnumMap<>(WaterClass.class);
        for (WaterClass c : WaterClass.values()) {
            counts.put(c, 0);
        }
        sections.forEach(s -> counts.merge(s.waterClass(), 1, Integer::sum));
        Map<WaterClass, BigDecimal> shares = new EnumMap<>(WaterClass.class);
        counts.forEach((c, k) -> shares.put(c, percent(k, n)));
        int good = counts.get(WaterClass.I) + counts.get(WaterClass.II) + counts.get(WaterClass.III);
        BigDecimal goodShare = percent(good, n);

        if (n < standard.sharesFromSections()) {
            Map<WaterItem, BigDecimal> sums = new LinkedHashMap<>();
            Map<WaterItem, Integer> measured = new LinkedHashMap<>();
            for (SectionQuality s : sections) {
                for (ItemQuality q : s.items()) {
                    sums.merge(q.item(), q.mean(), BigDecimal::add);
                    measured.merge(q.item(), 1, Integer::sum);
                }
            }
            Map<WaterItem, BigDecimal> means = new LinkedHashMap<>();
            sums.forEach((item, sum) -> means.put(item,
                    sum.divide(BigDecimal.valueOf(measured.get(item)), 10, RoundingMode.HALF_EVEN).stripTrailingZeros()));
            WaterBody body = sections.stream().allMatch(s -> s.body() == WaterBody.LAKE) ? WaterBody.LAKE : WaterBody.RIVER;
            SectionQuality averaged = ofMeans(county, body, means);
            return new CountyWaterSummary(county, CountyWaterSummary.Method.AVERAGED, n, averaged, counts, shares,
                    goodShare, averaged.status(), List.of());
        }

        SurfaceWaterStandard.ShareRules rules = standard.shares();
        int worst = counts.get(WaterClass.WORSE_THAN_V);
        WaterClass statusClass;
        if (atLeast(good, n, rules.good())) {
            statusClass = WaterClass.I;
        } else if (atLeast(good, n, rules.fair())) {
            statusClass = WaterClass.III;
        } else if (!atLeast(worst, n, rules.light())) {
            statusClass = WaterClass.IV;
        } else if (!atLeast(worst, n, rules.moderate())) {
            statusClass = WaterClass.V;
        } else {
            statusClass = WaterClass.WORSE_THAN_V;
        }
        Map<WaterItem, Integer> over = new LinkedHashMap<>();
        for (WaterItem item : standard.items()) {
            int k = (int) sections.stream().map(s -> s.item(item.code())).filter(q -> q != null && q.overClassIII())
                    .count();
            if (k > 0) {
                over.put(item, k);
            }
        }
        List<WaterItem> order = standard.items();
        List<CountyWaterSummary.SharePollutant> pollutants = over.entrySet().stream()
                .sorted(Map.Entry.<WaterItem, Integer>comparingByValue().reversed()
                        .thenComparing(e -> order.indexOf(e.getKey())))
                .limit(standard.mainPollutants())
                .map(e -> new CountyWaterSummary.SharePollutant(e.getKey(), e.getValue(), percent(e.getValue(), n)))
                .toList();
        return new CountyWaterSummary(county, CountyWaterSummary.Method.SHARES, n, null, counts, shares, goodShare,
                standard.status(statusClass), pollutants);
    }

    /** Whether k of n sections make at least the given percent, exactly: 100·k ≥ p·n. */
    private static boolean atLeast(int k, int n, BigDecimal percent) {
        return BigDecimal.valueOf(100L * k).compareTo(percent.multiply(BigDecimal.valueOf(n))) >= 0;
    }

    private BigDecimal percent(int k, int n) {
        return standard.percent(BigDecimal.valueOf(k), BigDecimal.valueOf(n));
    }
}
