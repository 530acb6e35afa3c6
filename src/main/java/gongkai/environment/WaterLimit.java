package gongkai.environment;

import java.math.BigDecimal;

/**
 * A limit a water-quality value must meet: at least {@code min}, at most {@code max}, or both (a range, pH).
 *
 * @param min the lowest value that meets the limit (溶解氧, the low end of pH); null if none
 * @param max the highest value that meets the limit; null if none
 */
public record WaterLimit(BigDecimal min, BigDecimal max) {

    public WaterLimit {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a limit needs a minimum or a maximum");
        }
    }

    public static WaterLimit atMost(BigDecimal max) {
        return new WaterLimit(null, max);
    }

    public static WaterLimit atLeast(BigDecimal min) {
        return new WaterLimit(min, null);
    }

    public boolean meets(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** Only an upper limit has a 超标倍数: (C − S) / S. */
    public boolean upperOnly() {
        return min == null;
    }

    /** As a report writes it: "≤1.0", "≥5", "6～9". */
    public String text() {
        if (min != null && max != null) {
            return min.toPlainString() + "～" + max.toPlainString();
        }
        return min != null ? "≥" + min.toPlainString() : "≤" + max.toPlainString();
    }
}
