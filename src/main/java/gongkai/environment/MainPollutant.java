package gongkai.environment;

import java.math.BigDecimal;

/**
 * 主要污染指标 of a section worse than class III, with its 超标倍数 over the class III limit (none for pH and 溶解氧).
 */
public record MainPollutant(WaterItem item, WaterClass waterClass, BigDecimal multiple) {

    /** As reports write it: "高锰酸盐指数(1.20)", or the name alone without a 超标倍数. */
    public String label() {
        return item.withMultiple(multiple);
    }
}
