package gongkai.environment;

import java.math.BigDecimal;

/**
 * One item of a section over a period: its mean and the class the mean falls in.
 *
 * @param waterClass the class of the mean; null for an item without classes (水温, Table 2/3 items)
 * @param reference  reported only, not evaluated for this water body (水温, 粪大肠菌群, 总氮 of a river)
 * @param multiple   超标倍数 over the class III limit when the item is evaluated, over it and has one; else null
 */
public record ItemQuality(WaterItem item, BigDecimal mean, WaterClass waterClass, boolean reference,
        BigDecimal multiple) {

    /** Evaluated and worse than class III. */
    public boolean overClassIII() {
        return !reference && waterClass != null && waterClass.worseThan(WaterClass.III);
    }
}
