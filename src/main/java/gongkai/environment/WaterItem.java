package gongkai.environment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A water-quality item (监测项目) of GB 3838-2002 Table 1, 2 or 3, or of the groundwater standard, as
 * {@code reference/gb3838.yaml} gives it.
 *
 * @param table          which table it comes from
 * @param classes        Table 1: the limits of classes I–V (≤, or ≥ when {@code higherIsBetter}); empty otherwise
 * @param lakeClasses    Table 1 总磷: the 湖、库 column; empty otherwise
 * @param range          pH: the range every class shares; null otherwise
 * @param limit          Table 2/3: the single limit; null otherwise
 * @param referenceFor   the water bodies where the item is reported but not evaluated (2011 method)
 * @param priority       among the main pollutants first when over class III (氰化物、铅、铬等重金属)
 * @param signed         may be negative (水温)
 * @param multiple       whether a 超标倍数 is computed (not for 水温, pH, 溶解氧)
 */
public record WaterItem(String code, String name, String unit, Table table, List<BigDecimal> classes,
        List<BigDecimal> lakeClasses, boolean higherIsBetter, WaterLimit range, WaterLimit limit,
        Set<WaterBody> referenceFor, boolean priority, boolean signed, boolean multiple) {

    /** Where an item's limits come from. */
    public enum Table {
        /** GB 3838 Table 1, 基本项目. */
        BASIC,
        /** GB 3838 Table 2, 集中式生活饮用水地表水源地补充项目. */
        SUPPLEMENTARY,
        /** GB 3838 Table 3, 集中式生活饮用水地表水源地特定项目. */
        SPECIFIC,
        /** Only in the groundwater standard (GB/T 14848). */
        GROUNDWATER
    }

    public WaterItem {
        classes = List.copyOf(classes);
        lakeClasses = List.copyOf(lakeClasses);
        referenceFor = Set.copyOf(referenceFor);
    }

    /** Whether the item has GB 3838 classes (Table 1 other than 水温). */
    public boolean classified() {
        return range != null || !classes.isEmpty();
    }

    /** Whether the item is reported but not evaluated for this water body. */
    public boolean referenceOnly(WaterBody body) {
        return referenceFor.contains(body) || !classified() && table == Table.BASIC;
    }

    /** The class a value falls in: the best class whose limit it meets, 劣Ⅴ类 if none. */
    public WaterClass classOf(BigDecimal value, WaterBody body) {
        if (range != null) {
            return range.meets(value) ? WaterClass.I : WaterClass.WORSE_THAN_V;
        }
        List<BigDecimal> limits = limits(body);
        for (int i = 0; i < limits.size(); i++) {
            int c = value.compareTo(limits.get(i));
            if (higherIsBetter ? c >= 0 : c <= 0) {
                return WaterClass.values()[i];
            }
        }
        return WaterClass.WORSE_THAN_V;
    }

    /**
     * The limit a value must meet to be of the class or better (Table 1), the 湖、库 column for lakes.
     *
     * @throws IllegalStateException for an item without classes
     */
    public WaterLimit limitOf(WaterClass cls, WaterBody body) {
        if (range != null) {
            return range;
        }
        if (classes.isEmpty() || cls == WaterClass.WORSE_THAN_V) {
            throw new IllegalStateException(name + " has no limit of " + cls.label());
        }
        BigDecimal s = limits(body).get(cls.ordinal());
        return higherIsBetter ? WaterLimit.atLeast(s) : WaterLimit.atMost(s);
    }

    /** The name with a 超标倍数 as reports write it, "高锰酸盐指数(1.20)"; the name alone for none. */
    public String withMultiple(BigDecimal multiple) {
        return multiple == null ? name : name + "(" + multiple.toPlainString() + ")";
    }

    private List<BigDecimal> limits(WaterBody body) {
        return body == WaterBody.LAKE && !lakeClasses.isEmpty() ? lakeClasses : classes;
    }
}
