package gongkai.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import gongkai.shared.sheet.SheetRow;
import gongkai.shared.sheet.Sheets;
import gongkai.shared.sheet.UnreadableSheetException;

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
    /**
     * The Chinese headings a clerk's own sheet may carry instead of the codes, lower-cased, a unit in brackets
     * dropped: 日期, 区划代码 or 县（市、区）, 站点, and the pollutants by name or formula.
     */
    static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("日期", "date"), Map.entry("监测日期", "date"),
            Map.entry("区划代码", "regioncode"), Map.entry("区划", "regioncode"), Map.entry("地区", "regioncode"),
            Map.entry("县", "regioncode"), Map.entry("县市区", "regioncode"),
            Map.entry("站点", "station"), Map.entry("监测站点", "station"),
            Map.entry("二氧化硫", "so2"), Map.entry("二氧化氮", "no2"), Map.entry("可吸入颗粒物", "pm10"),
            Map.entry("一氧化碳", "co"), Map.entry("臭氧8小时", "o3_8h"), Map.entry("o3-8h", "o3_8h"),
            Map.entry("o3_8h", "o3_8h"), Map.entry("臭氧日最大8小时平均", "o3_8h"), Map.entry("细颗粒物", "pm25"),
            Map.entry("pm2.5", "pm25"), Map.entry("臭氧1小时", "o3_1h"), Map.entry("o3-1h", "o3_1h"),
            Map.entry("臭氧日最大1小时平均", "o3_1h"));
    /**
     * The SQL types of an insert's parameters, given so that a null (a pollutant not measured) does not make the JDBC
     * template ask the driver for parameter metadata, row by row.
     */
    private static final int[] INSERT_TYPES = { java.sql.Types.DATE, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
        java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL,
        java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.VARCHAR,
        java.sql.Types.TIMESTAMP };
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
    /**
     * One row of an upload.
     *
     * @param given the pollutants whose column the upload has, empty cells included: a correction replaces those and
     *              leaves the others of a stored row as they were
     */
    public record Row(LocalDate date, String regionCode, String station, Map<Pollutant, BigDecimal> values,
            Set<Pollutant> given) {
    }

    /**
     * Takes in a CSV of daily rows ({@code date,regionCode,station,so2,no2,pm10,co,o3_8h,pm25,o3_1h}; station, o3_1h
     * and any empty cell optional). Returns the rows stored.
     *
     * @throws InvalidInputProblem naming every bad row and column; nothing is stored then
     */
    @Transactional
    public int importCsv(byte[] csv, Actor actor) {
        return importSheet("上传的文件", csv, actor).rows();
    }

    /** What one upload took in: its rows, the days they cover, and how many replaced rows stored before. */
    public record AirImport(int rows, LocalDate from, LocalDate to, int corrected) {

        /** The months the upload touched, for links to their rankings. */
        public List<YearMonth> months() {
            List<YearMonth> out = new ArrayList<>();
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                out.add(m);
            }
            return out;
        }
    }

    /** A month's data on file: the regions and stations with rows, the rows, and the last upload. */
    public record MonthOnFile(YearMonth month, int regions, int rows, java.time.Instant lastUpload) {
    }

    /** Whether the person may take air data in (an EDITOR of the environment office): pages ask before offering. */
    public boolean mayImport(Actor actor) {
        return actor.canActFor(office, Role.EDITOR);
    }

    /** The months of the last {@code count} that have data, newest first. */
    @Transactional(readOnly = true)
    public List<MonthOnFile> monthsOnFile(int count) {
        YearMonth now = YearMonth.now(clock);
        LocalDate from = now.minusMonths(count - 1L).atDay(1);
        Map<YearMonth, Set<String>> regionsOf = new LinkedHashMap<>();
        Map<YearMonth, int[]> rowsOf = new LinkedHashMap<>();
        Map<YearMonth, java.time.Instant> lastOf = new LinkedHashMap<>();
        jdbc.query("SELECT observed_on, region_code, uploaded_at FROM air_daily WHERE observed_on >= ? "
                + "ORDER BY observed_on DESC", rs -> {
                    YearMonth m = YearMonth.from(rs.getObject(1, LocalDate.class));
                    regionsOf.computeIfAbsent(m, k -> new HashSet<>()).add(rs.getString(2));
                    rowsOf.computeIfAbsent(m, k -> new int[1])[0]++;
                    java.time.Instant at = rs.getTimestamp(3).toInstant();
                    lastOf.merge(m, at, (a, b) -> a.isAfter(b) ? a : b);
                }, from);
        List<MonthOnFile> out = new ArrayList<>();
        regionsOf.forEach((m, r) -> out.add(new MonthOnFile(m, r.size(), rowsOf.get(m)[0], lastOf.get(m))));
        return out;
    }

    /**
     * Takes in a sheet of daily rows, XLSX or CSV (UTF-8 or GB18030), as a clerk saves it from Excel or WPS: the
     * columns of {@link #importCsv} by code or by their Chinese heading ({@link #HEADINGS}), the region by code or
     * by name, dates as date cells or written 2026-03-01. All or nothing.
     */
    @Transactional
    public AirImport importSheet(String fileName, byte[] bytes, Actor actor) {
        requireEditor(actor);
        return store(parse(fileName, bytes), actor);
    }

    /** Takes in rows given as JSON (the same columns as names). */
    @Transactional
    public int importRows(List<Map<String, String>> rows, Actor actor) {
        requireEditor(actor);
        List<FieldError> errors = new ArrayList<>();
        List<Row> parsed = new ArrayList<>();
        Map<String, String> known = uploadable();
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
        return store(parsed, actor).rows();
    }

    List<Row> parse(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputProblem("file", "文件“" + fileName + "”是空文件。");
        }
        List<SheetRow> sheet;
        try {
            sheet = Sheets.read(fileName, bytes, MAX_ROWS + 2, "请下载空气质量日数据的导入模板，填写后上传。");
        } catch (UnreadableSheetException e) {
            throw new InvalidInputProblem("file", e.getMessage());
        }
        if (sheet.isEmpty()) {
            throw new InvalidInputProblem("file", "表格是空的，没有表头也没有数据。");
        }
        if (sheet.size() > MAX_ROWS + 1) {
            throw new InvalidInputProblem("file", "一次最多导入" + MAX_ROWS + "行，请分成几个文件导入。");
        }
        SheetRow first = sheet.get(0);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < first.cells().size(); i++) {
            String written = first.cell(i).replace("\uFEFF", "").strip();
            if (written.isEmpty()) {
                continue;
            }
            String column = column(written);
            if (column == null) {
                errors.add(new FieldError("file", "第" + first.number() + "行表头中的“" + written + "”不是可识别的列。"));
            } else if (header.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("file", "第" + first.number() + "行表头中的“" + written + "”重复了。"));
            }
        }
        for (String required : List.of("date", "regioncode")) {
            if (!header.containsKey(required)) {
                throw new InvalidInputProblem("file", "第" + first.number() + "行应为表头，至少有日期（date）、区划（regionCode）两列和污染物列"
                        + "（so2、no2、pm10、co、o3_8h、pm25，可加 station、o3_1h），缺少“"
                        + (required.equals("date") ? "date" : "regionCode") + "”。");
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, String> known = uploadable();
        for (SheetRow rec : sheet.subList(1, sheet.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            header.forEach((h, i) -> cells.put(h, rec.cell(i)));
            for (int i : rec.formulaErrors()) {
                errors.add(new FieldError("row" + rec.number(), "第" + rec.number() + "行：第" + (i + 1) + "列的公式算出了错误值。"));
            }
            Row r = row(rec.number(), "第" + rec.number() + "行", cells, known, errors);
            if (r != null) {
                rows.add(r);
            }
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

    /** The column a heading names, by code (any case) or by Chinese heading; null when unknown. */
    static String column(String heading) {
        String code = heading.strip().toLowerCase(Locale.ROOT).replace("（", "(").replace("）", ")");
        int unit = code.indexOf('(');
        if (unit > 0) {
            code = code.substring(0, unit).strip();
        }
        if (code.equals("date") || code.equals("regioncode") || code.equals("station") || COLUMNS.containsKey(code)) {
            return code;
        }
        return HEADINGS.get(code);
    }

    /**
     * The regions data may be uploaded for (the city, its counties and special districts), read once per upload: by
     * code and by name, each to its code.
     */
    private Map<String, String> uploadable() {
        Map<String, String> out = new HashMap<>();
        regions.all().stream().filter(r -> r.isCountyLevel() || regions.isTop(r.code())).forEach(r -> {
            out.put(r.code(), r.code());
            out.putIfAbsent(r.name(), r.code());
        });
        return out;
    }

    private Row row(long line, String where, Map<String, String> cells, Map<String, String> uploadable,
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
        String written = cells.getOrDefault("regioncode", "").strip();
        String region = uploadable.getOrDefault(written, written);
        if (!uploadable.containsKey(written)) {
            errors.add(new FieldError("row" + line + ".regionCode", where + " regionCode：“" + written
                    + "”不是本市或所辖县（市、区）、功能区的区划代码或名称。"));
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
        Set<Pollutant> given = EnumSet.noneOf(Pollutant.class);
        COLUMNS.forEach((column, p) -> {
            if (cells.containsKey(column)) {
                given.add(p);
            }
        });
        return errors.size() == before ? new Row(date, region, station, values, given) : null;
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

    private AirImport store(List<Row> rows, Actor actor) {
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate from = rows.stream().map(Row::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = rows.stream().map(Row::date).max(LocalDate::compareTo).orElseThrow();
        // A row already stored for a day, region and station is corrected: the pollutants the upload has a column for
        // are replaced, the others kept, so that a file of PM2.5 alone does not wipe the day's other values. Finding
        // the stored rows first spares a delete per row when, as usual, a month or a year arrives for the first time.
        Map<String, Map<Pollutant, BigDecimal>> stored = new HashMap<>();
        jdbc.query("SELECT region_code, observed_on, station, so2, no2, pm10, co, o3_8h, pm25, o3_1h FROM air_daily "
                + "WHERE observed_on BETWEEN ? AND ?", rs -> {
                    Map<Pollutant, BigDecimal> v = new EnumMap<>(Pollutant.class);
                    int i = 4;
                    for (Pollutant p : COLUMNS.values()) {
                        BigDecimal x = rs.getBigDecimal(i++);
                        if (x != null) {
                            v.put(p, x);
                        }
                    }
                    stored.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + rs.getString(3), v);
                }, from, to);
        List<Object[]> deletes = new ArrayList<>();
        List<Row> merged = new ArrayList<>();
        for (Row r : rows) {
            Map<Pollutant, BigDecimal> before = stored.get(r.regionCode() + "|" + r.date() + "|" + r.station());
            if (before == null) {
                merged.add(r);
                continue;
            }
            deletes.add(new Object[] { r.regionCode(), r.date(), r.station() });
            Map<Pollutant, BigDecimal> values = new EnumMap<>(Pollutant.class);
            before.forEach((p, v) -> {
                if (!r.given().contains(p)) {
                    values.put(p, v);
                }
            });
            values.putAll(r.values());
            merged.add(new Row(r.date(), r.regionCode(), r.station(), values, r.given()));
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM air_daily WHERE region_code = ? AND observed_on = ? AND station = ?", deletes);
        }
        List<Object[]> inserts = new ArrayList<>();
        for (Row r : merged) {
            inserts.add(new Object[] { r.date(), r.regionCode(), r.station(), r.values().get(Pollutant.SO2),
                    r.values().get(Pollutant.NO2), r.values().get(Pollutant.PM10), r.values().get(Pollutant.CO),
                    r.values().get(Pollutant.O3_8H), r.values().get(Pollutant.PM25), r.values().get(Pollutant.O3_1H),
                    actor.username(), now });
        }
        jdbc.batchUpdate("INSERT INTO air_daily (observed_on, region_code, station, so2, no2, pm10, co, o3_8h, pm25, "
                + "o3_1h, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts, INSERT_TYPES);
        audit.record("environment.air.import", "air-daily", from + "/" + to, "导入空气质量日数据" + rows.size() + "行（"
                + from + "至" + to + "，其中更正" + deletes.size() + "行）");
        return new AirImport(rows.size(), from, to, deletes.size());
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
