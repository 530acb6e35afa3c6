package gongkai.environment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;


/**
 * The AQI rule sets and levels of {@code reference/aqi-rules.yaml}, checked when read: every indicator of a daily
 * report has breakpoints rising from 0, and the sets' dates neither overlap nor leave a gap.
 */
public final class AqiRules {

    public static final String RESOURCE = "reference/aqi-rules.yaml";

    private final List<AqiRuleSet> sets;
    private final List<AqiLevel> levels;

    private AqiRules(List<AqiRuleSet> sets, List<AqiLevel> levels) {
        this.sets = List.copyOf(sets);
        this.levels = List.copyOf(levels);
    }

    /** The platform's rule sets, from the classpath. */
    public static AqiRules standard() {
        return ReferenceYaml.fromClasspath(RESOURCE, AqiRules::read);
    }

    /**
     * Reads rule sets from YAML.
     *
     * @throws IllegalStateException naming the set and indicator when the file is inconsistent
     */
    @SuppressWarnings("unchecked")
    public static AqiRules read(InputStream in) {
        Map<String, Object> root = ReferenceYaml.root(in);
        List<AqiLevel> levels = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) root.get("levels")) {
            levels.add(new AqiLevel(((Number) l.get("upTo")).intValue(), (String) l.get("level"),
                    (String) l.get("category"), (String) l.get("colour")));
        }
        List<AqiRuleSet> sets = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) root.get("ruleSets")) {
            String code = (String) s.get("code");
            List<Pollutant> daily = ((List<String>) s.get("daily")).stream().map(Pollutant::valueOf).toList();
            Map<Pollutant, List<BigDecimal>> breakpoints = new EnumMap<>(Pollutant.class);
            ((Map<String, List<Object>>) s.get("breakpoints")).forEach((p, values) -> breakpoints.put(
                    Pollutant.valueOf(p), values.stream().map(v -> new BigDecimal(v.toString())).toList()));
            Map<Pollutant, Integer> scale = new EnumMap<>(Pollutant.class);
            ((Map<String, Object>) s.getOrDefault("concentrationScale", Map.of())).forEach(
                    (p, v) -> scale.put(Pollutant.valueOf(p), ((Number) v).intValue()));
            Map<Pollutant, AqiRuleSet.Above> above = new EnumMap<>(Pollutant.class);
            ((Map<String, Object>) s.getOrDefault("above", Map.of())).forEach((p, v) -> above.put(
                    Pollutant.valueOf(p), "none".equals(v) ? new AqiRuleSet.Above(null)
                            : new AqiRuleSet.Above(Integer.parseInt(v.toString().replace("iaqi:", "")))));
            AqiRuleSet set = new AqiRuleSet(code, (String) s.get("name"), ReferenceYaml.date(s.get("from")), ReferenceYaml.date(s.get("until")),
                    daily, breakpoints, scale, above, Boolean.TRUE.equals(s.get("exceedance")),
                    "na-unless-over-100".equals(s.get("missing")));
            check(set);
            sets.add(set);
        }
        sets.sort(Comparator.comparing(AqiRuleSet::from));
        for (int i = 1; i < sets.size(); i++) {
            LocalDate end = sets.get(i - 1).until();
            if (end == null || !end.plusDays(1).equals(sets.get(i).from())) {
                throw new IllegalStateException("AQI rule set " + sets.get(i).code() + " must start the day after "
                        + sets.get(i - 1).code() + " ends");
            }
        }
        return new AqiRules(sets, levels);
    }

    private static void check(AqiRuleSet set) {
        for (Pollutant p : set.daily()) {
            List<BigDecimal> bp = set.breakpoints().get(p);
            if (bp == null || bp.size() < 2 || bp.size() > AqiRuleSet.IAQI.length || bp.get(0).signum() != 0) {
                throw new IllegalStateException("AQI rule set " + set.code() + ": " + p + " needs breakpoints from 0");
            }
            for (int i = 1; i < bp.size(); i++) {
                if (bp.get(i).compareTo(bp.get(i - 1)) <= 0) {
                    throw new IllegalStateException("AQI rule set " + set.code() + ": " + p + " breakpoints must rise");
                }
            }
        }
    }

    public List<AqiRuleSet> sets() {
        return sets;
    }

    /**
     * The rule set in force on a day.
     *
     * @throws IllegalArgumentException for a day no rule set governs, with a message for the clerk
     */
    public AqiRuleSet forDay(LocalDate day) {
        return sets.stream().filter(s -> s.governs(day)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                day + "没有适用的空气质量指数技术规定（平台收录的规定自" + sets.get(0).from() + "起）"));
    }

    /** The level of an AQI. */
    public AqiLevel level(int aqi) {
        return levels.stream().filter(l -> aqi <= l.upTo()).findFirst().orElseThrow();
    }
}
