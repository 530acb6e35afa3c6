package gongkai.environment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.AuditTrail;
import gongkai.catalog.ReportingPeriod;
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
 * Surface-water sections (监测断面) and centralised drinking-water sources (集中式生活饮用水水源地) with their samples:
 * registered and taken in by an EDITOR of the environment office ({@code gongkai.environment.office}), a file of
 * samples all or nothing with every bad cell named by row and column, a sample of the same place and day replacing the
 * stored one; read back as a quarter's section and county quality ({@link SurfaceWaterAssessment}) and a month's
 * source compliance ({@link DrinkingWaterCompliance}).
 */
@Service
public class WaterQualityData {

    /** Column names of an upload (API.md) that differ from the standard's item codes; other items go by their code. */
    private static final Map<String, String> ALIASES = Map.of("phenol", "VP", "petroleum", "OIL", "sulfide", "S2",
            "fecalcoliform", "FC", "temperature", "WT");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("10000");
    /** 粪大肠菌群 is counted per litre, in the millions in a sewer: above this it is a slip, not water. */
    private static final BigDecimal IMPLAUSIBLE_COUNT = new BigDecimal("100000000");
    private static final BigDecimal IMPLAUSIBLE_DO = new BigDecimal("25");
    private static final BigDecimal IMPLAUSIBLE_VOLUME = new BigDecimal("100000");
    private static final int MAX_ROWS = 100_000;

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final String office;
    private final SurfaceWaterStandard standard;
    private final SurfaceWaterAssessment assessment;
    private final DrinkingWaterCompliance compliance;

    WaterQualityData(JdbcTemplate jdbc, Regions regions, AuditTrail audit, Clock clock,
            @Value("${gongkai.environment.office:ycshbj}") String office) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.office = office;
        this.standard = SurfaceWaterStandard.standard();
        this.assessment = new SurfaceWaterAssessment(standard);
        this.compliance = new DrinkingWaterCompliance(standard);
    }

    // ----- places

    /** A monitoring section as registered. */
    public record Section(String code, String name, String regionCode, String regionName, WaterBody body) {
    }

    /** A drinking-water source as registered. */
    public record Source(String code, String name, String regionCode, String regionName, SourceKind kind) {
    }

    /**
     * Registers a section ({@code waterBody} river or lake).
     *
     * @throws InvalidInputProblem naming each bad field; nothing is stored then
     */
    @Transactional
    public Section addSection(String code, String name, String regionCode, String waterBody, Actor actor) {
        requireEditor(actor);
        List<FieldError> errors = new ArrayList<>();
        String c = place(code, name, regionCode, errors);
        WaterBody body = null;
        String b = waterBody == null ? "" : waterBody.strip().toLowerCase(Locale.ROOT);
        if (b.equals("river")) {
            body = WaterBody.RIVER;
        } else if (b.equals("lake") || b.equals("reservoir")) {
            body = WaterBody.LAKE;
        } else {
            errors.add(new FieldError("waterBody", "waterBody：水体类型应为 river（河流）或 lake（湖库），而不是“" + b + "”。"));
        }
        if (c != null && exists("water_section", c)) {
            errors.add(new FieldError("code", "code：断面代码“" + c + "”已经登记。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        try {
            jdbc.update("INSERT INTO water_section (code, name, region_code, water_body, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", c, name.strip(), regionCode.strip(), body.name(), actor.username(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("code", "code：断面代码“" + c + "”已经登记。");
        }
        audit.record("environment.water.section", "water-section", c, "登记地表水监测断面" + name.strip() + "（" + c + "，"
                + body.label() + "）");
        return new Section(c, name.strip(), regionCode.strip(), regionName(regionCode.strip()), body);
    }

    /**
     * Registers a drinking-water source ({@code kind} river, lake or groundwater).
     *
     * @throws InvalidInputProblem naming each bad field; nothing is stored then
     */
    @Transactional
    public Source addSource(String code, String name, String regionCode, String kind, Actor actor) {
        requireEditor(actor);
        List<FieldError> errors = new ArrayList<>();
        String c = place(code, name, regionCode, errors);
        SourceKind k = null;
        String t = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "river" -> k = SourceKind.RIVER;
            case "lake", "reservoir" -> k = SourceKind.LAKE;
            case "groundwater" -> k = SourceKind.GROUNDWATER;
            default -> errors.add(new FieldError("kind", "kind：水源地类型应为 river（河流型）、lake（湖库型）或 groundwater（地下水型），而不是“"
                    + t + "”。"));
        }
        if (c != null && exists("drinking_source", c)) {
            errors.add(new FieldError("code", "code：水源地代码“" + c + "”已经登记。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        try {
            jdbc.update("INSERT INTO drinking_source (code, name, region_code, kind, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", c, name.strip(), regionCode.strip(), k.name(), actor.username(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("code", "code：水源地代码“" + c + "”已经登记。");
        }
        audit.record("environment.water.source", "drinking-source", c, "登记集中式饮用水水源地" + name.strip() + "（" + c
                + "，" + k.label() + "）");
        return new Source(c, name.strip(), regionCode.strip(), regionName(regionCode.strip()), k);
    }

    private String place(String code, String name, String regionCode, List<FieldError> errors) {
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches()) {
            errors.add(new FieldError("code", "code：代码应为1至40位字母、数字、“-”或“_”，而不是“" + c + "”。"));
            c = null;
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            errors.add(new FieldError("name", "name：名称不能为空，也不能超过100个字。"));
        }
        String r = regionCode == null ? "" : regionCode.strip();
        if (!uploadableRegions().contains(r)) {
            errors.add(new FieldError("regionCode", "regionCode：“" + r + "”不是本市或所辖县（市、区）、功能区的区划代码。"));
        }
        return c;
    }

    private boolean exists(String table, String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE code = ?", Integer.class, code) > 0;
    }

    private Set<String> uploadableRegions() {
        Set<String> out = new HashSet<>();
        regions.all().stream().filter(r -> r.isCountyLevel() || regions.isTop(r.code())).forEach(r -> out.add(r.code()));
        return out;
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    /** The registered sections, by region and code. */
    @Transactional(readOnly = true)
    public List<Section> sections() {
        Map<String, String> names = regions.namesByCode();
        return jdbc.query("SELECT code, name, region_code, water_body FROM water_section ORDER BY region_code, code",
                (rs, i) -> new Section(rs.getString(1), rs.getString(2), rs.getString(3),
                        names.getOrDefault(rs.getString(3), rs.getString(3)), WaterBody.valueOf(rs.getString(4))));
    }

    /** The registered sources, by region and code. */
    @Transactional(readOnly = true)
    public List<Source> sources() {
        Map<String, String> names = regions.namesByCode();
        return jdbc.query("SELECT code, name, region_code, kind FROM drinking_source ORDER BY region_code, code",
                (rs, i) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3),
                        names.getOrDefault(rs.getString(3), rs.getString(3)), SourceKind.valueOf(rs.getString(4))));
    }

    // ----- samples

    /** One parsed row of an upload: the place, the day, the readings by item code, the volume for a source. */
    record Row(long line, String place, LocalDate day, BigDecimal volume, Map<String, WaterReading> readings) {
    }

    /**
     * Takes in surface-water samples: CSV {@code sampledOn,sectionCode,} then item columns (API.md: ph, do, codmn, cod,
     * bod5, nh3n, tp, tn, cu, zn, f, se, as, hg, cd, cr6, pb, cn, phenol, petroleum, las, sulfide, fecalColiform), any
     * subset, an empty cell not measured, "0.01L" not detected below 0.01. A sample of a section and day already stored
     * is replaced. Returns the samples stored.
     *
     * @throws InvalidInputProblem naming every bad row and column; nothing is stored then
     */
    @Transactional
    public int importSamplesCsv(byte[] csv, Actor actor) {
        return importSamples("上传的文件", csv, actor);
    }

    /** The same from an uploaded sheet, XLSX or CSV told apart by content ({@link Sheets}). */
    @Transactional
    public int importSamples(String fileName, byte[] csv, Actor actor) {
        requireEditor(actor);
        Map<String, String> places = new LinkedHashMap<>();
        jdbc.query("SELECT code, water_body FROM water_section", rs -> {
            places.put(rs.getString(1), rs.getString(2));
        });
        List<Row> rows = parse(fileName, csv, "sectioncode", "sectionCode", places.keySet(), false, (place, readings) -> {
            WaterBody body = WaterBody.valueOf(places.get(place));
            boolean evaluated = readings.keySet().stream().map(standard::item).anyMatch(i -> !i.referenceOnly(body));
            return evaluated ? null : "没有可评价的监测项目（水温、粪大肠菌群" + (body == WaterBody.RIVER ? "和河流的总氮" : "")
                    + "只作参考）。";
        });
        int replaced = store("water_sample", "water_reading", "section_code", rows, actor);
        audit.record("environment.water.import", "water-sample", span(rows), "导入地表水监测数据" + rows.size() + "个样品（"
                + span(rows) + "，其中更正" + replaced + "个）");
        return rows.size();
    }

    /**
     * Takes in drinking-water samples: CSV {@code sampledOn,sourceCode,volume,} then item columns (any item of GB 3838
     * Tables 1–3 or the groundwater list, by its column name or code); {@code volume} is the water taken that month,
     * 万吨. A sample of a source and day already stored is replaced. Returns the samples stored.
     *
     * @throws InvalidInputProblem naming every bad row and column; nothing is stored then
     */
    @Transactional
    public int importDrinkingSamplesCsv(byte[] csv, Actor actor) {
        return importDrinkingSamples("上传的文件", csv, actor);
    }

    /** The same from an uploaded sheet, XLSX or CSV told apart by content ({@link Sheets}). */
    @Transactional
    public int importDrinkingSamples(String fileName, byte[] csv, Actor actor) {
        requireEditor(actor);
        Set<String> places = new HashSet<>(jdbc.queryForList("SELECT code FROM drinking_source", String.class));
        List<Row> rows = parse(fileName, csv, "sourcecode", "sourceCode", places, true, (place, readings) -> null);
        int replaced = store("drinking_sample", "drinking_reading", "source_code", rows, actor);
        audit.record("environment.drinking.import", "drinking-sample", span(rows), "导入饮用水水源地监测数据" + rows.size()
                + "个样品（" + span(rows) + "，其中更正" + replaced + "个）");
        return rows.size();
    }

    private static String span(List<Row> rows) {
        LocalDate from = rows.stream().map(Row::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = rows.stream().map(Row::day).max(LocalDate::compareTo).orElseThrow();
        return from + "/" + to;
    }

    /** The item a column holds, or null for a column that names no item. */
    private WaterItem column(String header, boolean drinking) {
        String code = ALIASES.getOrDefault(header, header.toUpperCase(Locale.ROOT));
        WaterItem item;
        try {
            item = standard.item(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return drinking || item.table() == WaterItem.Table.BASIC ? item : null;
    }

    /**
     * @param check a row's further problem given its place and readings (a message), or null; asked only of rows
     *              without another problem
     */
    List<Row> parse(String fileName, byte[] csv, String placeColumn, String placeName, Set<String> known, boolean drinking,
            java.util.function.BiFunction<String, Map<String, WaterReading>, String> check) {
        if (csv.length == 0) {
            throw new InvalidInputProblem("file", "文件“" + fileName + "”是空文件。");
        }
        List<SheetRow> sheet;
        try {
            sheet = Sheets.read(fileName, csv, MAX_ROWS + 2, "请按表头 sampledOn、" + placeName
                    + (drinking ? "、volume" : "") + " 和监测项目列填写 XLSX 或 CSV 后上传。");
        } catch (UnreadableSheetException e) {
            throw new InvalidInputProblem("file", e.getMessage());
        }
        if (sheet.size() > MAX_ROWS + 1) {
            throw new InvalidInputProblem("file", "一次最多导入" + MAX_ROWS + "行。");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String headerHelp = "第1行应为表头：sampledOn、" + placeName + (drinking ? "、volume" : "") + "，然后是监测项目列（如 ph、do、codmn、nh3n、tp）";
        if (sheet.isEmpty()) {
            throw new InvalidInputProblem("file", headerHelp + "，文件是空的。");
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        SheetRow head = sheet.get(0);
        for (int i = 0; i < head.cells().size(); i++) {
            String k = head.cell(i).replace("\uFEFF", "").strip();
            if (k.isEmpty()) {
                continue;
            }
            String h = k.toLowerCase(Locale.ROOT);
            if (header.putIfAbsent(h, i) != null) {
                errors.add(new FieldError("file", "表头中的“" + k + "”重复了。"));
            }
            written.put(h, k);
        }
        List<String> required = new ArrayList<>(List.of("sampledon", placeColumn));
        if (drinking) {
            required.add("volume");
        }
        for (String r : required) {
            if (!header.containsKey(r)) {
                throw new InvalidInputProblem("file", headerHelp + "，缺少“" + (r.equals("sampledon") ? "sampledOn"
                        : r.equals(placeColumn) ? placeName : r) + "”。");
            }
        }
        Map<String, WaterItem> items = new LinkedHashMap<>();
        for (String h : header.keySet()) {
            if (required.contains(h)) {
                continue;
            }
            WaterItem item = column(h, drinking);
            if (item == null) {
                errors.add(new FieldError("file", "表头中的“" + written.get(h) + "”不是可识别的列"
                        + (drinking ? "。" : "（地表水只收GB 3838-2002表1的基本项目）。")));
            } else if (items.containsValue(item)) {
                errors.add(new FieldError("file", "表头中" + item.name() + "出现了不止一次。"));
            } else {
                items.put(h, item);
            }
        }
        if (items.isEmpty() && errors.isEmpty()) {
            throw new InvalidInputProblem("file", headerHelp + "，没有任何监测项目列。");
        }
        for (SheetRow rec : sheet.subList(1, sheet.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            header.forEach((h, i) -> cells.put(h, rec.cell(i)));
            long line = rec.number();
            for (int i : rec.formulaErrors()) {
                errors.add(new FieldError("row" + line, "第" + line + "行：第" + (i + 1) + "列的公式算出了错误值。"));
            }
            Row r = row(line, cells, placeColumn, placeName, known, drinking, items, errors);
            String problem = r == null ? null : check.apply(r.place(), r.readings());
            if (problem != null) {
                errors.add(new FieldError("row" + line, "第" + line + "行：" + problem));
            } else if (r != null) {
                rows.add(r);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("file", "文件中没有数据行。"));
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        for (Row r : rows) {
            Long first = seen.putIfAbsent(r.place() + "|" + r.day(), r.line());
            if (first != null) {
                errors.add(new FieldError("row" + r.line(), "第" + r.line() + "行：" + r.place() + " " + r.day()
                        + "的样品与第" + first + "行重复。"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return rows;
    }

    private Row row(long line, Map<String, String> cells, String placeColumn, String placeName, Set<String> known,
            boolean drinking, Map<String, WaterItem> items, List<FieldError> errors) {
        int before = errors.size();
        String where = "第" + line + "行";
        LocalDate day = null;
        String dayText = cells.getOrDefault("sampledon", "").strip();
        try {
            day = LocalDate.parse(dayText);
            if (day.isAfter(LocalDate.now(clock))) {
                errors.add(new FieldError("row" + line + ".sampledOn", where + " sampledOn：" + dayText + "是将来的日期。"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("row" + line + ".sampledOn", where + " sampledOn：应为2026-03-01这样的日期，而不是“"
                    + dayText + "”。"));
        }
        String place = cells.getOrDefault(placeColumn, "").strip();
        if (!known.contains(place)) {
            errors.add(new FieldError("row" + line + "." + placeName, where + " " + placeName + "：“" + place + "”不是已登记的"
                    + (drinking ? "饮用水水源地" : "监测断面") + "代码。"));
        }
        BigDecimal volume = null;
        if (drinking) {
            String v = cells.getOrDefault("volume", "").strip();
            try {
                volume = new BigDecimal(v);
                if (volume.signum() < 0 || volume.compareTo(IMPLAUSIBLE_VOLUME) >= 0 || volume.scale() > 4) {
                    errors.add(new FieldError("row" + line + ".volume", where + " volume：取水量（万吨）应在0至100000之间、最多四位小数，而不是“"
                            + v + "”。"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("row" + line + ".volume", where + " volume：取水量（万吨）应为数字，而不是“" + v + "”。"));
            }
        }
        Map<String, WaterReading> readings = new LinkedHashMap<>();
        items.forEach((column, item) -> {
            String v = cells.getOrDefault(column, "").strip();
            if (v.isEmpty()) {
                return;
            }
            String field = "row" + line + "." + column;
            String at = where + " " + column + "（" + item.name() + "）：";
            WaterReading reading;
            try {
                reading = WaterReading.parse(v);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, at + "“" + v + "”不是数字。"));
                return;
            }
            String problem = implausible(item, reading);
            if (problem != null) {
                errors.add(new FieldError(field, at + problem + "，而不是“" + v + "”。"));
            } else {
                readings.put(item.code(), reading);
            }
        });
        if (readings.isEmpty() && errors.size() == before) {
            errors.add(new FieldError("row" + line, where + "：没有任何监测项目的数值。"));
        }
        return errors.size() == before ? new Row(line, place, day, volume, readings) : null;
    }

    /** Why a reading cannot be water, or null when it can. */
    private static String implausible(WaterItem item, WaterReading r) {
        BigDecimal v = r.value();
        if (r.value().scale() > 8) {
            return "最多八位小数";
        }
        switch (item.code()) {
            case "PH":
                return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(14)) > 0 || r.notDetected() ? "pH应在0至14之间" : null;
            case "WT":
                return v.compareTo(BigDecimal.valueOf(-5)) < 0 || v.compareTo(BigDecimal.valueOf(50)) > 0 ? "水温应在-5至50℃之间" : null;
            case "DO":
                return v.signum() < 0 || v.compareTo(IMPLAUSIBLE_DO) > 0 ? "溶解氧应在0至25 mg/L之间" : null;
            case "FC":
                return v.signum() < 0 || v.compareTo(IMPLAUSIBLE_COUNT) >= 0 ? "粪大肠菌群应在0至1亿个/L之间" : null;
            default:
                return v.signum() < 0 || v.compareTo(IMPLAUSIBLE) >= 0 ? "浓度应在0至10000 mg/L之间" : null;
        }
    }

    /** Stores the rows, replacing a sample of the same place and day; returns how many were replaced. */
    private int store(String sampleTable, String readingTable, String placeColumn, List<Row> rows, Actor actor) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean drinking = sampleTable.equals("drinking_sample");
        List<Object[]> keys = rows.stream().map(r -> new Object[] { r.place(), r.day() }).toList();
        int replaced = 0;
        for (int n : jdbc.batchUpdate("DELETE FROM " + readingTable + " WHERE " + placeColumn + " = ? AND sampled_on = ?",
                keys)) {
            replaced += n > 0 ? 1 : 0;
        }
        jdbc.batchUpdate("DELETE FROM " + sampleTable + " WHERE " + placeColumn + " = ? AND sampled_on = ?", keys);
        List<Object[]> samples = new ArrayList<>();
        List<Object[]> readings = new ArrayList<>();
        for (Row r : rows) {
            samples.add(drinking ? new Object[] { r.place(), r.day(), r.volume(), actor.username(), now }
                    : new Object[] { r.place(), r.day(), actor.username(), now });
            r.readings().forEach((item, reading) -> readings.add(new Object[] { r.place(), r.day(), item,
                    reading.value(), reading.notDetected() }));
        }
        jdbc.batchUpdate("INSERT INTO " + sampleTable + " (" + placeColumn + ", sampled_on"
                + (drinking ? ", volume" : "") + ", uploaded_by, uploaded_at) VALUES (?, ?" + (drinking ? ", ?" : "")
                + ", ?, ?)", samples);
        jdbc.batchUpdate("INSERT INTO " + readingTable + " (" + placeColumn + ", sampled_on, item, reading_value, "
                + "not_detected) VALUES (?, ?, ?, ?, ?)", readings);
        return replaced;
    }

    private void requireEditor(Actor actor) {
        if (!actor.canActFor(office, Role.EDITOR)) {
            throw new AccessDeniedProblem("地表水和饮用水水源地数据由生态环境部门的信息员登记和导入。");
        }
    }

    /** Each place's samples of a period, in date order. */
    private Map<String, List<WaterSample>> samples(String readingTable, String placeColumn, LocalDate from,
            LocalDate to) {
        Map<String, Map<LocalDate, Map<String, WaterReading>>> raw = new LinkedHashMap<>();
        jdbc.query("SELECT " + placeColumn + ", sampled_on, item, reading_value, not_detected FROM " + readingTable
                + " WHERE sampled_on BETWEEN ? AND ? ORDER BY " + placeColumn + ", sampled_on", rs -> {
                    raw.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), new WaterReading(rs.getBigDecimal(4).stripTrailingZeros(),
                                    rs.getBoolean(5)));
                }, from, to);
        Map<String, List<WaterSample>> out = new LinkedHashMap<>();
        raw.forEach((place, days) -> days.forEach((day, readings) -> out.computeIfAbsent(place,
                k -> new ArrayList<>()).add(new WaterSample(day, readings))));
        return out;
    }

    // ----- read back

    /** A section's quarter. */
    public record SectionResult(Section section, int samples, SectionQuality quality) {
    }

    /** A county's quarter over its sections. */
    public record CountyResult(String regionCode, String name, CountyWaterSummary summary) {
    }

    /** The quarter's surface water: every section with samples, and the counties they lie in. */
    public record SurfaceQuarter(ReportingPeriod period, List<SectionResult> sections, List<CountyResult> counties) {

        public SurfaceQuarter {
            sections = List.copyOf(sections);
            counties = List.copyOf(counties);
        }

        public boolean isEmpty() {
            return sections.isEmpty();
        }
    }

    /**
     * Reads "2026-Q3".
     *
     * @throws InvalidInputProblem with a Chinese message for anything else
     */
    public static ReportingPeriod parseQuarter(String text) {
        try {
            ReportingPeriod p = ReportingPeriod.parse(text == null ? "" : text.strip());
            if (p.kind() == ReportingPeriod.Kind.QUARTER) {
                return p;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInputProblem("quarter", "季度应写作2026-Q3这样的形式，而不是“" + text + "”。");
    }

    /** The quarter before (ReportingPeriod goes forward only). */
    public static ReportingPeriod previousQuarter(ReportingPeriod q) {
        return q.number() == 1 ? ReportingPeriod.quarter(q.year() - 1, 4) : ReportingPeriod.quarter(q.year(), q.number() - 1);
    }

    /** The quarter a day falls in. */
    public static ReportingPeriod quarterOf(LocalDate day) {
        return ReportingPeriod.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter's sections (by county, then code) with their class, status and main pollutants, and the counties. */
    @Transactional(readOnly = true)
    public SurfaceQuarter quarter(ReportingPeriod quarter) {
        Map<String, List<WaterSample>> samples = samples("water_reading", "section_code", quarter.firstDay(),
                quarter.lastDay());
        List<SectionResult> sections = new ArrayList<>();
        Map<String, List<SectionQuality>> byCounty = new LinkedHashMap<>();
        for (Section s : sections()) {
            List<WaterSample> mine = samples.get(s.code());
            if (mine == null) {
                continue;
            }
            SectionQuality q = assessment.section(s.name(), s.body(), mine);
            sections.add(new SectionResult(s, mine.size(), q));
            byCounty.computeIfAbsent(s.regionCode(), k -> new ArrayList<>()).add(q);
        }
        List<CountyResult> counties = new ArrayList<>();
        byCounty.forEach((region, qs) -> {
            String name = regionName(region);
            counties.add(new CountyResult(region, name, assessment.county(name, qs)));
        });
        return new SurfaceQuarter(quarter, sections, counties);
    }

    /** The quarters from the first with samples to the last, newest first; empty without samples. */
    @Transactional(readOnly = true)
    public List<ReportingPeriod> quartersWithData() {
        List<ReportingPeriod> out = new ArrayList<>();
        for (LocalDate d : jdbc.queryForList("SELECT DISTINCT sampled_on FROM water_sample", LocalDate.class)) {
            ReportingPeriod q = quarterOf(d);
            if (!out.contains(q)) {
                out.add(q);
            }
        }
        out.sort((a, b) -> b.firstDay().compareTo(a.firstDay()));
        return out;
    }

    /** The months with drinking-water samples, newest first. */
    @Transactional(readOnly = true)
    public List<YearMonth> monthsWithData() {
        List<YearMonth> out = new ArrayList<>();
        for (LocalDate d : jdbc.queryForList("SELECT DISTINCT sampled_on FROM drinking_sample", LocalDate.class)) {
            YearMonth m = YearMonth.from(d);
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /** A source's month. */
    public record SourceResult(Source source, int samples, SourceCompliance compliance) {
    }

    /** The month's drinking-water sources with their compliance and the rates by number and by volume. */
    public record DrinkingMonth(YearMonth month, List<SourceResult> sources, MonthlyCompliance rates) {

        public DrinkingMonth {
            sources = List.copyOf(sources);
        }

        public boolean isEmpty() {
            return sources.isEmpty();
        }
    }

    /**
     * The month of every source with samples. A source's volume is that of its latest sample in the month (the
     * volume column is the month's water taken, so several samples of a month repeat it).
     */
    @Transactional(readOnly = true)
    public DrinkingMonth drinkingMonth(YearMonth month) {
        Map<String, List<WaterSample>> samples = samples("drinking_reading", "source_code", month.atDay(1),
                month.atEndOfMonth());
        Map<String, BigDecimal> volumes = new LinkedHashMap<>();
        jdbc.query("SELECT source_code, volume FROM drinking_sample WHERE sampled_on BETWEEN ? AND ? ORDER BY sampled_on",
                rs -> {
                    volumes.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
                }, month.atDay(1), month.atEndOfMonth());
        List<SourceResult> sources = new ArrayList<>();
        for (Source s : sources()) {
            List<WaterSample> mine = samples.get(s.code());
            if (mine == null) {
                continue;
            }
            sources.add(new SourceResult(s, mine.size(), compliance.source(s.name(), s.kind(), volumes.get(s.code()),
                    mine)));
        }
        return new DrinkingMonth(month, sources, compliance.month(sources.stream().map(SourceResult::compliance)
                .toList()));
    }

    /** The column name of an item in uploads and answers: "nh3n", "phenol", "fecalColiform". */
    public static String columnOf(WaterItem item) {
        for (Map.Entry<String, String> e : ALIASES.entrySet()) {
            if (e.getValue().equals(item.code())) {
                return e.getKey().equals("fecalcoliform") ? "fecalColiform" : e.getKey();
            }
        }
        return item.code().toLowerCase(Locale.ROOT);
    }

    /** The standard the figures follow, for notes on pages. */
    public String groundwaterStandard() {
        return standard.groundwaterStandard();
    }
}
