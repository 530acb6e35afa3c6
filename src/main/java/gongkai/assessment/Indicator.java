package gongkai.assessment;

import java.math.BigDecimal;

/** One indicator of a year's assessment: what it measures, its name as published, and its weight out of 100. */
public record Indicator(String code, String name, BigDecimal weight) {

    public IndicatorKind kind() {
        return IndicatorKind.valueOf(code);
    }
}
