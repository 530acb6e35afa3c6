package gongkai.environment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A drinking-water source's month: whether it complies (达标) with every limit it is judged against.
 *
 * @param volume      取水量 of the month (万吨)
 * @param waterClass  a surface source's GB 3838 class from the evaluated Table 1 items; null for groundwater or when
 *                    no Table 1 item was measured
 * @param judged      at least one item had a limit to be judged against
 * @param compliant   judged and no item over its limit
 * @param exceedances the items over their limits, in the standard's order
 * @param notJudged   items measured that have no limit for this kind of source (groundwater items without a configured
 *                    GB/T 14848 value); reference items (水温, 粪大肠菌群, a river's 总氮) are not listed
 */
public record SourceCompliance(String source, SourceKind kind, BigDecimal volume, WaterClass waterClass,
        boolean judged, boolean compliant, List<Exceedance> exceedances, List<WaterItem> notJudged) {

    public SourceCompliance {
        exceedances = List.copyOf(exceedances);
        notJudged = List.copyOf(notJudged);
    }
}
