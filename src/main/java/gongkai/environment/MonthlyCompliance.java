package gongkai.environment;

import java.math.BigDecimal;
import java.util.List;

/**
 * 集中式生活饮用水水源地达标率 of a month, by number of sources and by volume taken. Sources that could not be judged
 * are listed but counted in neither rate.
 *
 * @param judged          sources judged (监测水源地个数)
 * @param compliant       of which compliant
 * @param rateByCount     compliant / judged × 100, in percent; null when none was judged
 * @param volume          volume taken from the judged sources (万吨)
 * @param compliantVolume of which from compliant sources
 * @param rateByVolume    compliantVolume / volume × 100, in percent; null when the volume is zero
 */
public record MonthlyCompliance(List<SourceCompliance> sources, int judged, int compliant, BigDecimal rateByCount,
        BigDecimal volume, BigDecimal compliantVolume, BigDecimal rateByVolume) {

    public MonthlyCompliance {
        sources = List.copyOf(sources);
    }
}
