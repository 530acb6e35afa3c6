package gongkai.environment;

/**
 * 空气质量指数级别: the highest AQI of the level, its 级别, 类别 and colour (HJ 633 Table 2 / Table 1, Annex A; the same
 * in 2012 and 2026).
 */
public record AqiLevel(int upTo, String level, String category, String colour) {
}
