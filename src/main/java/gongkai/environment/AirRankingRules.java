package gongkai.environment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;


/**
 * The monthly ranking's constants from {@code reference/air-ranking.yaml}: the S_i of each standard with its dates,
 * the days a monthly value needs, the roundings and how ties are ranked. Read and checked once.
 *
 * @param competitionTies equal indices share a rank and the next one skips (1, 2, 2, 4); otherwise dense (1, 2, 2, 3)
 */
public record AirRankingRules(List<Standard> standards, int daysPerMonth, int daysInFebruary, int concentrationScale,
        int coScale, int singleIndexScale, int compositeIndexScale, int shareScale, boolean competitionTies) {

    public static final String RESOURCE = "reference/air-ranking.yaml";
    /** The six pollutants of the comprehensive index, in the order it lists them. */
    public static final List<Pollutant> INDEXED = List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.PM25,
            Pollutant.CO, Pollutant.O3_8H);

    /** One standard's S_i and the days it governs (until null: in force). */
    public record Standard(String code, LocalDate from, LocalDate until, Map<Pollutant, BigDecimal> si) {
        public boolean governs(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    public AirRankingRules {
        standards = List.copyOf(standards);
    }

    public static AirRankingRules standard() {
        return ReferenceYaml.fromClasspath(RESOURCE, AirRankingRules::read);
    }

    @SuppressWarnings("unchecked")
    public static AirRankingRules read(InputStream in) {
        Map<String, Object> root = ReferenceYaml.root(in);
        List<Standard> standards = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) root.get("standards")) {
            Map<Pollutant, BigDecimal> si = new EnumMap<>(Pollutant.class);
            ((Map<String, Object>) s.get("si")).forEach((p, v) -> si.put(Pollutant.valueOf(p), new BigDecimal(v.toString())));
            for (Pollutant p : INDEXED) {
                if (si.get(p) == null || si.get(p).signum() <= 0) {
                    throw new IllegalStateException("Air ranking standard " + s.get("code") + " needs a positive S_i for " + p);
                }
            }
            standards.add(new Standard((String) s.get("code"), ReferenceYaml.date(s.get("from")), ReferenceYaml.date(s.get("until")), si));
        }
        Map<String, Object> validity = (Map<String, Object>) root.get("validity");
        Map<String, Object> rounding = (Map<String, Object>) root.get("rounding");
        String ties = String.valueOf(root.get("ties"));
        if (!ties.equals("competition") && !ties.equals("dense")) {
            throw new IllegalStateException("Air ranking ties must be competition or dense, not " + ties);
        }
        return new AirRankingRules(standards, number(validity, "daysPerMonth"), number(validity, "daysInFebruary"),
                number(rounding, "concentration"), number(rounding, "co"), number(rounding, "singleIndex"),
                number(rounding, "compositeIndex"), number(rounding, "share"), ties.equals("competition"));
    }

    /** The standard a month is judged by: the one in force on its first day. */
    public Standard forMonth(YearMonth month) {
        LocalDate first = month.atDay(1);
        return standards.stream().filter(s -> s.governs(first)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(month + "没有适用的环境空气质量标准"));
    }

    /** The valid daily values a monthly statistic needs that month. */
    public int daysNeeded(YearMonth month) {
        return month.getMonthValue() == 2 ? daysInFebruary : daysPerMonth;
    }

    private static int number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("Air ranking rules need a number for " + key);
        }
        return n.intValue();
    }
}
