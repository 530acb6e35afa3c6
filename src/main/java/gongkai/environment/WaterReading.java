package gongkai.environment;

import java.math.BigDecimal;

/**
 * One measured value of a water sample: a concentration, or 未检出 with the detection limit, which reports write with
 * a trailing "L" ("0.01L": below the detection limit 0.01).
 *
 * @param value          the concentration, or the detection limit when {@code notDetected}
 * @param notDetected    the item was not detected
 */
public record WaterReading(BigDecimal value, boolean notDetected) {

    public WaterReading {
        if (value == null) {
            throw new IllegalArgumentException("a reading needs a value");
        }
    }

    /**
     * Reads a value as reports write it: "0.52", or "0.01L" for not detected below 0.01.
     *
     * @throws IllegalArgumentException when the text is not a number
     */
    public static WaterReading parse(String text) {
        String t = text.strip();
        boolean nd = t.endsWith("L") || t.endsWith("l");
        String number = nd ? t.substring(0, t.length() - 1).strip() : t;
        try {
            return new WaterReading(new BigDecimal(number), nd);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("监测值“" + text + "”不是数字", e);
        }
    }

    public static WaterReading of(String value) {
        return parse(value);
    }
}
