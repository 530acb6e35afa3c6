package gongkai.environment;

import java.math.BigDecimal;

/**
 * An item of a drinking-water source over its limit (超标项目), with its 超标倍数 = (C − S) / S where the limit is an
 * upper one and the item has one (not pH, 溶解氧).
 */
public record Exceedance(WaterItem item, BigDecimal mean, WaterLimit limit, BigDecimal multiple) {

    /** As reports write it: "铁(0.50)", or the name alone. */
    public String label() {
        return item.withMultiple(multiple);
    }
}
