package gongkai.environment;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.AuditTrail;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.Role;

/**
 * The daily air data of the counties, special districts and stations: taken in all or nothing, each bad cell named by
 * row and column, by an EDITOR of the environment office ({@code gongkai.environment.office}, the 生态环境局 by
 * default); read back as a day's AQI under the rules in force that day and as a month's ranking.
 */
@Service
public class AirQualityData {

    /** The columns of an upload (API.md), the pollutant each holds. */
    static final Map<String, Pollutant> COLUMNS = new LinkedHashMap<>();
    static {
        COLUMNS.put("so2", Pollutant.SO2);
        COLUMNS.put("no2", Pollutant.NO2);
        COLUMNS.put("pm10", Pollutant.PM10);
        COLUMNS.put("co", Pollutant.CO);
        COLUMNS.put("o3_8h", Pollutant.O3_8H);
        COLUMNS.put("pm25", Pollutant.PM25);
        COLUMNS.put("o3_1h", Pollutant.O3_1H);
    }
    /** Above any value ever measured in a Chinese city: a slip of the keyboard, not air. */
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("10000");
    private static final int MAX_ROWS = 200_000;

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final AqiRules aqiRules;
    private final AqiCalculator aqi;
    private final AirRanking ranking;
    private final String office;
    private final Clock clock;

    AirQualityData(JdbcTemplate jdbc, Regions regions, AuditTrail audit, Clock clock,
            @Value("${gongkai.environment.office:ycshbj}") String office,
            @Value("${gongkai.environment.aqi-cap-above-table:true}") boolean capAboveTable) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.office = office;
        this.aqiRules = AqiRules.standard();
        this.aqi = new AqiCalculator(aqiRules, capAboveTable);
        this.ranking = new AirRanking(AirRankingRules.standard());
    }

    /** One row of an upload. */
    public record Row(LocalDate date, String regionCode, String station, Map<Pollutant, BigDecimal> values) {
    }

    /**
     * Takes in a CSV of daily rows ({@code date,regionCode,station,so2,no2,pm10,co,o3_8h,pm25,o3_1h}; station, o3_1h
     * and any empty cell optional). Returns the rows stored.
     *
     * @throws InvalidInputProblem naming every bad row and column; nothing is stored then
     */
    @Transactional
    public int importCsv(byte[] csv, Actor actor) {
        requireEditor(actor);
        return store(parse(csv), actor);
    }

    /** Takes in rows given as JSON (the same columns as names). */
    @Transactional
    public int importRows(List<Map<String, String>> rows, Actor actor) {
        requireEditor(actor);
        List<FieldError> errors = new ArrayList<>();
        List<Row> parsed = new ArrayList<>();
        Set<String> known = uploadable();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> lower = new LinkedHashMap<>();
            rows.get(i).forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v));
            Row r = row(i + 1, "第" + (i + 1) + "条", lower, known, errors);
            if (r != null) {
                parsed.add(r);
            }
        }
        duplicates(parsed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return store(parsed, actor);
    }

    List<Row> parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> known = uploadable();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            for (String required : List.of("date", "regioncode")) {
                if (!header.containsKey(required)) {
                    throw new InvalidInputProblem("file", "第1行应为表头，至少有 date、regionCode 两列和污染物列（so2、no2、pm10、co、o3_8h、pm25，可加 station、o3_1h），缺少“" + (required.equals("date") ? "date" : "regionCode") + "”。");
                }
            }
            for (String h : header.keySet()) {
                if (!h.equals("date") && !h.equals("regioncode") && !h.equals("station") && !COLUMNS.containsKey(h)) {
                    errors.add(new FieldError("file", "表头中的“" + h + "”不是可识别的列。"));
                }
            }
            for (CSVRecord rec : parser) {
                if (rows.size() + errors.size() > MAX_ROWS) {
                    throw new InvalidInputProblem("file", "一次最多导入" + MAX_ROWS + "行。");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                header.forEach((h, i) -> cells.put(h, i < rec.size() ? rec.get(i) : ""));
                long line = rec.getRecordNumber() + 1;
                Row r = row(line, "第" + line + "行", cells, known, errors);
                if (r != null) {
                    rows.add(r);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidInputProblem p) {
                throw p;
            }
            throw new InvalidInputProblem("file", "文件不是可读的CSV（UTF-8，逗号分隔，第1行为表头）：" + e.getMessage());
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("file", "文件中没有数据行。"));
        }
        duplicates(rows, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return rows;
    }

    /** The regions data may be uploaded for (the city, its counties and special districts), read once per upload. */
    private Set<String> uploadable() {
        Set<String> out = new HashSet<>();
        regions.all().stream().filter(r -> r.isCountyLevel() || regions.isTop(r.code())).forEach(r -> out.add(r.code()));
        return out;
    }

    private Row row(long line, String where, Map<String, String> cells, Set<String> uploadable,
            List<FieldError> errors) {
        int before = errors.size();
        LocalDate date = null;
        String dateText = cells.getOrDefault("date", "").strip();
        try {
            date = LocalDate.parse(dateText);
            if (date.isAfter(LocalDate.now(clock))) {
                errors.add(new FieldError("row" + line + ".date", where + " date：" + dateText + "是将来的日期。"));
            } else {
                aqiRules.forDay(date);
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("row" + line + ".date", where + " date：应为2026-03-01这样的日期，而不是“" + dateText + "”。"));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("row" + line + ".date", where + " date：" + e.getMessage() + "。"));
        }
        String region = cells.getOrDefault("regioncode", "").strip();
        if (!uploadable.contains(region)) {
            errors.add(new FieldError("row" + line + ".regionCode", where + " regionCode：“" + region
                    + "”不是本市或所辖县（市、区）、功能区的区划代码。"));
        }
        String station = cells.getOrDefault("station", "").strip();
        if (station.length() > 60) {
            errors.add(new FieldError("row" + line + ".station", where + " station：站点名称不能超过60个字。"));
        }
        Map<Pollutant, BigDecimal> values = new EnumMap<>(Pollutant.class);
        COLUMNS.forEach((column, p) -> {
            String v = cells.getOrDefault(column, "").strip();
            if (v.isEmpty()) {
                return;
            }
            try {
                BigDecimal n = new BigDecimal(v);
                if (n.signum() < 0 || n.compareTo(IMPLAUSIBLE) >= 0 || n.scale() > 3) {
                    errors.add(new FieldError("row" + line + "." + column, where + " " + column + "：浓度应在0至10000之间、最多三位小数，而不是“" + v + "”。"));
                } else {
                    values.put(p, n);
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("row" + line + "." + column, where + " " + column + "：“" + v + "”不是数字。"));
            }
        });
        if (values.isEmpty() && errors.size() == before) {
            errors.add(new FieldError("row" + line, where + "：没有任何污染物浓度。"));
        }
        return errors.size() == before ? new Row(date, region, station, values) : null;
    }

    private static void duplicates(List<Row> rows, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            String key = r.date() + "|" + r.regionCode() + "|" + r.station();
            if (!seen.add(key)) {
                errors.add(new FieldError("file", "文件中" + r.date() + " " + r.regionCode()
                        + (r.station().isEmpty() ? "" : " " + r.station()) + "出现了不止一次。"));
            }
        }
    }

    private int store(List<Row> rows, Actor actor) {
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate from = rows.stream().map(Row::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = rows.stream().map(Row::date).max(LocalDate::compareTo).orElseThrow();
        // A row already stored for a day, region and station is replaced (a correction); finding those first spares
        // a delete per row when, as usual, a month or a year arrives for the first time.
        Set<String> stored = new HashSet<>(jdbc.queryForList("SELECT region_code || '|' || CAST(observed_on AS VARCHAR(10)) "
                + "|| '|' || station FROM air_daily WHERE observed_on BETWEEN ? AND ?", String.class, from, to));
        List<Object[]> deletes = rows.stream().filter(r -> stored.contains(r.regionCode() + "|" + r.date() + "|"
                + r.station())).map(r -> new Object[] { r.regionCode(), r.date(), r.station() }).toList();
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM air_daily WHERE region_code = ? AND observed_on = ? AND station = ?", deletes);
        }
        List<Object[]> inserts = new ArrayList<>();
        for (Row r : rows) {
            inserts.add(new Object[] { r.date(), r.regionCode(), r.station(), r.values().get(Pollutant.SO2),
                    r.values().get(Pollutant.NO2), r.values().get(Pollutant.PM10), r.values().get(Pollutant.CO),
                    r.values().get(Pollutant.O3_8H), r.values().get(Pollutant.PM25), r.values().get(Pollutant.O3_1H),
                    actor.username(), now });
        }
        jdbc.batchUpdate("INSERT INTO air_daily (observed_on, region_code, station, so2, no2, pm10, co, o3_8h, pm25, "
                + "o3_1h, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        audit.record("environment.air.import", "air-daily", from + "/" + to, "导入空气质量日数据" + rows.size() + "行（"
                + from + "至" + to + "，其中更正" + deletes.size() + "行）");
        return rows.size();
    }

    private void requireEditor(Actor actor) {
        if (!actor.canActFor(office, Role.EDITOR)) {
            throw new AccessDeniedProblem("空气质量数据由生态环境部门的信息员导入。");
        }
    }

    /** The regions' daily values of a period: the region's own row, or the mean of its stations'. */
    Map<String, Map<LocalDate, Map<Pollutant, BigDecimal>>> regionDays(LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Map<String, Map<Pollutant, BigDecimal>>>> raw = new LinkedHashMap<>();
        jdbc.query("SELECT region_code, observed_on, station, so2, no2, pm10, co, o3_8h, pm25, o3_1h FROM air_daily "
                + "WHERE observed_on BETWEEN ? AND ? ORDER BY region_code, observed_on", rs -> {
                    Map<Pollutant, BigDecimal> v = new EnumMap<>(Pollutant.class);
                    int i = 4;
                    for (Pollutant p : COLUMNS.values()) {
                        BigDecimal x = rs.getBigDecimal(i++);
                        if (x != null) {
                            v.put(p, x.stripTrailingZeros());
                        }
                    }
                    raw.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), v);
                }, from, to);
        Map<String, Map<LocalDate, Map<Pollutant, BigDecimal>>> out = new LinkedHashMap<>();
        raw.forEach((region, days) -> days.forEach((day, stations) -> out
                .computeIfAbsent(region, k -> new LinkedHashMap<>()).put(day, stations.containsKey("")
                        ? stations.get("") : mean(stations.values()))));
        return out;
    }

    private static Map<Pollutant, BigDecimal> mean(java.util.Collection<Map<Pollutant, BigDecimal>> stations) {
        Map<Pollutant, BigDecimal> out = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            List<BigDecimal> v = stations.stream().map(s -> s.get(p)).filter(x -> x != null).toList();
            if (!v.isEmpty()) {
                out.put(p, v.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(v.size()), 3, RoundingMode.HALF_EVEN));
            }
        }
        return out;
    }

    /** A region's AQI of a day, under the rules in force that day; null when the region has no data that day. */
    @Transactional(readOnly = true)
    public DailyAqi daily(LocalDate day, String region) {
        Map<Pollutant, BigDecimal> v = regionDays(day, day).getOrDefault(region, Map.of()).get(day);
        return v == null ? null : aqi.daily(day, v);
    }

    /** The month's ranking of every region with data, with the change on the same month a year before. */
    @Transactional(readOnly = true)
    public List<AirMonth.Place> ranking(YearMonth month) {
        List<AirMonth> months = months(month);
        Map<String, BigDecimal> lastYear = new LinkedHashMap<>();
        for (AirMonth m : months(month.minusYears(1))) {
            if (m.composite() != null) {
                lastYear.put(m.region(), m.composite());
            }
        }
        return ranking.rank(months, lastYear);
    }

    private List<AirMonth> months(YearMonth month) {
        List<AirMonth> out = new ArrayList<>();
        regionDays(month.atDay(1), month.atEndOfMonth()).forEach((region, days) -> {
            List<AirMonth.Day> list = new ArrayList<>();
            days.forEach((day, values) -> list.add(new AirMonth.Day(day, values, aqi.daily(day, values).aqi())));
            String name = regions.find(region).map(Region::name).orElse(region);
            out.add(ranking.month(region, name, month, list));
        });
        return out;
    }
}
