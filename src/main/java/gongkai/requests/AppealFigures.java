package gongkai.requests;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Table 四 of the annual report: the reviews and lawsuits of a year by kind and by result, every kind and result
 * present (see {@link Appeals#figures}).
 */
public record AppealFigures(Map<AppealKind, Map<AppealResult, Integer>> counts) {

    /** Every kind and result, zeros where {@code counts} has none; unmodifiable. */
    public AppealFigures {
        Map<AppealKind, Map<AppealResult, Integer>> full = new EnumMap<>(AppealKind.class);
        for (AppealKind kind : AppealKind.values()) {
            Map<AppealResult, Integer> row = new EnumMap<>(AppealResult.class);
            Map<AppealResult, Integer> given = counts == null ? null : counts.get(kind);
            for (AppealResult result : AppealResult.values()) {
                row.put(result, given == null ? 0 : given.getOrDefault(result, 0));
            }
            full.put(kind, Collections.unmodifiableMap(row));
        }
        counts = Collections.unmodifiableMap(full);
    }

    public int count(AppealKind kind, AppealResult result) {
        return counts.get(kind).get(result);
    }

    /** 总计: the four results added up. */
    public int total(AppealKind kind) {
        return counts.get(kind).values().stream().mapToInt(Integer::intValue).sum();
    }
}
