package gongkai.environment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One water sample (一次监测) of a section or source: the items measured that day, any subset of them, by item code.
 */
public record WaterSample(LocalDate date, Map<String, WaterReading> readings) {

    public WaterSample {
        readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
    }

    /** A sample from pairs of item code and value as reports write it: {@code of(day, "NH3N", "0.52", "CN", "0.004L")}. */
    public static WaterSample of(LocalDate date, String... codeAndValue) {
        if (codeAndValue.length % 2 != 0) {
            throw new IllegalArgumentException("item codes and values must come in pairs");
        }
        Map<String, WaterReading> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndValue.length; i += 2) {
            m.put(codeAndValue[i], WaterReading.parse(codeAndValue[i + 1]));
        }
        return new WaterSample(date, m);
    }
}
