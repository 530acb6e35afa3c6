package gongkai.environment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 集中式生活饮用水水源地水质达标评价, monthly (environment.md §5). A surface source is judged on the means of its
 * month's samples: the GB 3838 Table 1 items against class III (the 湖、库 column of 总磷 for lakes and reservoirs; 水温,
 * 粪大肠菌群 and a river's 总氮 only reported), the Table 2 and Table 3 items against their limits, single factor by
 * single factor. A groundwater source is judged against the GB/T 14848 class III limits configured in
 * {@code reference/gb3838.yaml}; an item without one is listed as not judged. A source complies when every judged item
 * meets its limit. Rates are rounded as {@link SurfaceWaterStandard#percent} says.
 */
public class DrinkingWaterCompliance {

    private final SurfaceWaterStandard standard;

    public DrinkingWaterCompliance(SurfaceWaterStandard standard) {
        this.standard = standard;
    }

    /**
     * One source's month.
     *
     * @param volume 取水量 (万吨)
     * @throws IllegalArgumentException for a missing or negative volume, no samples, an unknown item or a negative
     *                                  value, naming the source and the item
     */
    public SourceCompliance source(String source, SourceKind kind, BigDecimal volume, List<WaterSample> samples) {
        if (volume == null || volume.signum() < 0) {
            throw new IllegalArgumentException(source + "的取水量不能为空或负数");
        }
        Map<WaterItem, BigDecimal> means = standard.means(source, samples);
        WaterBody body = kind.body();
        List<Exceedance> exceedances = new ArrayList<>();
        List<WaterItem> notJudged = new ArrayList<>();
        WaterClass worst = null;
        boolean judged = false;
        for (Map.Entry<WaterItem, BigDecimal> e : means.entrySet()) {
            WaterItem item = e.getKey();
            BigDecimal mean = e.getValue();
            WaterLimit limit;
            if (body == null) {
                limit = standard.groundwaterLimit(item);
            } else if (item.table() == WaterItem.Table.BASIC) {
                if (item.referenceOnly(body)) {
                    continue;
                }
                limit = item.limitOf(WaterClass.III, body);
                WaterClass cls = item.classOf(mean, body);
                worst = worst == null ? cls : WaterClass.worse(worst, cls);
            } else {
                limit = item.limit();
            }
            if (limit == null) {
                notJudged.add(item);
                continue;
            }
            judged = true;
            if (!limit.meets(mean)) {
                exceedances.add(new Exceedance(item, mean, limit, item.multiple() ? standard.multiple(mean, limit) : null));
            }
        }
        return new SourceCompliance(source, kind, volume, worst, judged, judged && exceedances.isEmpty(), exceedances,
                notJudged);
    }

    /** The month's compliance rates over its sources, by number and by volume taken. */
    public MonthlyCompliance month(List<SourceCompliance> sources) {
        int judged = 0;
        int compliant = 0;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal compliantVolume = BigDecimal.ZERO;
        for (SourceCompliance s : sources) {
            if (!s.judged()) {
                continue;
            }
            judged++;
            volume = volume.add(s.volume());
            if (s.compliant()) {
                compliant++;
                compliantVolume = compliantVolume.add(s.volume());
            }
        }
        return new MonthlyCompliance(sources, judged, compliant,
                standard.percent(BigDecimal.valueOf(compliant), BigDecimal.valueOf(judged)), volume, compliantVolume,
                standard.percent(compliantVolume, volume));
    }
}
