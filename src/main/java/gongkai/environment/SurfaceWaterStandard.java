package gongkai.environment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * 地表水环境质量标准 (GB 3838-2002 Tables 1–3), the groundwater class III limits and the evaluation rules of
 * 环办〔2011〕22号, as {@code reference/gb3838.yaml} gives them, checked when read: five class limits per Table 1 item,
 * ordered from best to worst, a status word for every class, no item code twice.
 */
public final class SurfaceWaterStandard {

    public static final String RESOURCE = "reference/gb3838.yaml";

    /** The share thresholds of the 2011 method, in percent of sections. */
    public record ShareRules(BigDecimal good, BigDecimal fair, BigDecimal light, BigDecimal moderate) {
    }

    private final Map<String, WaterItem> items;
    private final String groundwaterStandard;
    private final Map<String, WaterLimit> groundwater;
    private final Map<WaterClass, String> status;
    private final int multipleScale;
    private final int mainPollutants;
    private final BigDecimal notDetectedFactor;
    private final int sharesFromSections;
    private final ShareRules shares;
    private final int percentScale;

    private SurfaceWaterStandard(Map<String, WaterItem> items, String groundwaterStandard,
            Map<String, WaterLimit> groundwater, Map<WaterClass, String> status, int multipleScale, int mainPollutants,
            BigDecimal notDetectedFactor, int sharesFromSections, ShareRules shares, int percentScale) {
        this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        this.groundwaterStandard = groundwaterStandard;
        this.groundwater = Collections.unmodifiableMap(new LinkedHashMap<>(groundwater));
        this.status = Collections.unmodifiableMap(new EnumMap<>(status));
        this.multipleScale = multipleScale;
        this.mainPollutants = mainPollutants;
        this.notDetectedFactor = notDetectedFactor;
        this.sharesFromSections = sharesFromSections;
        this.shares = shares;
        this.percentScale = percentScale;
    }

    /** The platform's standard, from the classpath. */
    public static SurfaceWaterStandard standard() {
        return ReferenceYaml.fromClasspath(RESOURCE, SurfaceWaterStandard::read);
    }

    /**
     * Reads the standard from YAML.
     *
     * @throws IllegalStateException naming the item or key when the file is inconsistent
     */
    @SuppressWarnings("unchecked")
    public static SurfaceWaterStandard read(InputStream in) {
        Map<String, Object> root = ReferenceYaml.root(in);
        Map<String, WaterItem> items = new LinkedHashMap<>();
        for (Map<String, Object> m : list(root, "basic")) {
            add(items, basic(m));
        }
        for (Map<String, Object> m : list(root, "supplementary")) {
            add(items, single(m, WaterItem.Table.SUPPLEMENTARY));
        }
        for (Map<String, Object> m : list(root, "specific")) {
            add(items, single(m, WaterItem.Table.SPECIFIC));
        }
        Map<String, Object> gw = (Map<String, Object>) root.getOrDefault("groundwater", Map.of());
        Map<String, WaterLimit> groundwater = new LinkedHashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) gw.getOrDefault("classIII", List.of())) {
            String code = (String) m.get("code");
            if (!items.containsKey(code)) {
                if (m.get("name") == null || m.get("unit") == null) {
                    throw new IllegalStateException("groundwater item " + code + " is not in GB 3838: give its name and unit");
                }
                add(items, new WaterItem(code, (String) m.get("name"), (String) m.get("unit"), WaterItem.Table.GROUNDWATER,
                        List.of(), List.of(), false, null, null, Set.of(), false, false, true));
            }
            WaterLimit limit = m.get("range") != null ? range(code, m.get("range")) : WaterLimit.atMost(positive(code, m.get("limit")));
            if (groundwater.put(code, limit) != null) {
                throw new IllegalStateException("groundwater item " + code + " is listed twice");
            }
        }
        Map<String, Object> ev = (Map<String, Object>) root.get("evaluation");
        if (ev == null) {
            throw new IllegalStateException(RESOURCE + " needs an evaluation section");
        }
        Map<WaterClass, String> status = new EnumMap<>(WaterClass.class);
        ((Map<String, Object>) ev.get("status")).forEach((k, v) -> status.put(WaterClass.valueOf(k), (String) v));
        for (WaterClass c : WaterClass.values()) {
            if (status.get(c) == null) {
                throw new IllegalStateException("evaluation.status has no word for class " + c);
            }
        }
        Map<String, Object> s = (Map<String, Object>) ev.get("shares");
        ShareRules shares = new ShareRules(decimal("shares.good", s.get("good")), decimal("shares.fair", s.get("fair")),
                decimal("shares.light", s.get("light")), decimal("shares.moderate", s.get("moderate")));
        return new SurfaceWaterStandard(items, (String) gw.get("standard"), groundwater, status,
                ((Number) ev.get("multipleScale")).intValue(), ((Number) ev.get("mainPollutants")).intValue(),
                decimal("notDetectedFactor", ev.get("notDetectedFactor")), ((Number) ev.get("sharesFromSections")).intValue(),
                shares, ((Number) ev.get("percentScale")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key) {
        return (List<Map<String, Object>>) root.getOrDefault(key, List.of());
    }

    private static void add(Map<String, WaterItem> items, WaterItem item) {
        if (items.put(item.code(), item) != null) {
            throw new IllegalStateException("item code " + item.code() + " is listed twice");
        }
    }

    @SuppressWarnings("unchecked")
    private static WaterItem basic(Map<String, Object> m) {
        String code = (String) m.get("code");
        boolean higherIsBetter = Boolean.TRUE.equals(m.get("higherIsBetter"));
        List<BigDecimal> classes = limits(code, (List<Object>) m.get("classes"), higherIsBetter);
        List<BigDecimal> lake = limits(code, (List<Object>) m.get("lakeClasses"), higherIsBetter);
        Set<WaterBody> reference = EnumSet.noneOf(WaterBody.class);
        for (Object b : (List<Object>) m.getOrDefault("reference", List.of())) {
            reference.add(WaterBody.valueOf(b.toString().toUpperCase()));
        }
        WaterLimit range = m.get("range") == null ? null : range(code, m.get("range"));
        if (range == null && classes.isEmpty() && reference.size() < WaterBody.values().length) {
            throw new IllegalStateException("Table 1 item " + code + " needs classes, a range, or to be reference only");
        }
        return new WaterItem(code, (String) m.get("name"), (String) m.get("unit"), WaterItem.Table.BASIC, classes, lake,
                higherIsBetter, range, null, reference, Boolean.TRUE.equals(m.get("priority")),
                Boolean.TRUE.equals(m.get("signed")), !Boolean.FALSE.equals(m.get("multiple")));
    }

    private static List<BigDecimal> limits(String code, List<Object> raw, boolean higherIsBetter) {
        if (raw == null) {
            return List.of();
        }
        List<BigDecimal> limits = raw.stream().map(v -> positive(code, v)).toList();
        if (limits.size() != WaterClass.values().length - 1) {
            throw new IllegalStateException("item " + code + " needs the limits of classes I–V, five values");
        }
        for (int i = 1; i < limits.size(); i++) {
            int c = limits.get(i).compareTo(limits.get(i - 1));
            if (higherIsBetter ? c > 0 : c < 0) {
                throw new IllegalStateException("item " + code + ": the limits must go from class I to class V");
            }
        }
        return limits;
    }

    private static WaterItem single(Map<String, Object> m, WaterItem.Table table) {
        String code = (String) m.get("code");
        return new WaterItem(code, (String) m.get("name"), (String) m.get("unit"), table, List.of(), List.of(), false,
                null, WaterLimit.atMost(positive(code, m.get("limit"))), Set.of(), false, false, true);
    }

    private static WaterLimit range(String code, Object raw) {
        List<?> r = (List<?>) raw;
        if (r.size() != 2) {
            throw new IllegalStateException("item " + code + ": a range is [low, high]");
        }
        BigDecimal low = decimal(code, r.get(0));
        BigDecimal high = decimal(code, r.get(1));
        if (low.compareTo(high) >= 0) {
            throw new IllegalStateException("item " + code + ": a range is [low, high]");
        }
        return new WaterLimit(low, high);
    }

    private static BigDecimal positive(String code, Object v) {
        BigDecimal d = decimal(code, v);
        if (d.signum() <= 0) {
            throw new IllegalStateException("item " + code + ": a limit must be positive");
        }
        return d;
    }

    private static BigDecimal decimal(String what, Object v) {
        if (v == null) {
            throw new IllegalStateException(what + ": a value is missing");
        }
        return new BigDecimal(v.toString());
    }

    /** Every item, Table 1 first, in the tables' order. */
    public List<WaterItem> items() {
        return List.copyOf(items.values());
    }

    /**
     * The item with this code.
     *
     * @throws IllegalArgumentException naming the code when there is none
     */
    public WaterItem item(String code) {
        WaterItem item = items.get(code);
        if (item == null) {
            throw new IllegalArgumentException("未知的监测项目代码：" + code);
        }
        return item;
    }

    /** The standard groundwater sources are judged against (GB/T 14848-2017). */
    public String groundwaterStandard() {
        return groundwaterStandard;
    }

    /** The groundwater class III limit of an item, or null where none is configured. */
    public WaterLimit groundwaterLimit(WaterItem item) {
        return groundwater.get(item.code());
    }

    /** 水质状况 of a class: 优, 良好, 轻度污染, 中度污染, 重度污染. */
    public String status(WaterClass cls) {
        return status.get(cls);
    }

    public int mainPollutants() {
        return mainPollutants;
    }

    public int sharesFromSections() {
        return sharesFromSections;
    }

    public ShareRules shares() {
        return shares;
    }

    /** 超标倍数 = (C − S) / S, to the configured decimals, half to even; null where the limit has no upper bound. */
    public BigDecimal multiple(BigDecimal value, WaterLimit limit) {
        if (!limit.upperOnly() || value.compareTo(limit.max()) <= 0) {
            return null;
        }
        return value.subtract(limit.max()).divide(limit.max(), multipleScale, RoundingMode.HALF_EVEN);
    }

    /** part / whole in percent, to the configured decimals, half to even; null for a whole of zero. */
    public BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, percentScale, RoundingMode.HALF_EVEN);
    }

    /**
     * The arithmetic mean of each item over the samples that measured it (2011 method: "多次监测取算术平均"), a value
     * not detected counting as the configured fraction of its detection limit. Means are carried to 10 decimals, half
     * to even, and not rounded to a reporting precision before they are classed.
     *
     * @param subject the section or source, named in messages
     * @throws IllegalArgumentException for an unknown item code or a negative value, naming it, or no samples
     */
    public Map<WaterItem, BigDecimal> means(String subject, List<WaterSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(subject + "没有监测数据");
        }
        Map<WaterItem, BigDecimal> sums = new LinkedHashMap<>();
        Map<WaterItem, Integer> counts = new LinkedHashMap<>();
        for (WaterSample sample : samples) {
            sample.readings().forEach((code, reading) -> {
                WaterItem item = items.get(code);
                if (item == null) {
                    throw new IllegalArgumentException(subject + (sample.date() == null ? "" : " " + sample.date())
                            + "：未知的监测项目代码：" + code);
                }
                if (reading.value().signum() < 0 && !item.signed()) {
                    throw new IllegalArgumentException(subject + (sample.date() == null ? "" : " " + sample.date())
                            + "：" + item.name() + "的监测值不能为负数（" + reading.value().toPlainString() + "）");
                }
                BigDecimal v = reading.notDetected() ? reading.value().multiply(notDetectedFactor) : reading.value();
                sums.merge(item, v, BigDecimal::add);
                counts.merge(item, 1, Integer::sum);
            });
        }
        Map<WaterItem, BigDecimal> means = new LinkedHashMap<>();
        for (WaterItem item : items.values()) {
            if (sums.containsKey(item)) {
                means.put(item, sums.get(item).divide(BigDecimal.valueOf(counts.get(item)), 10, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros());
            }
        }
        return means;
    }
}
