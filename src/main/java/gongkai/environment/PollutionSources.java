package gongkai.environment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.Accounts;
import gongkai.account.AuditTrail;
import gongkai.account.NewUser;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ContactFormats;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.shared.sheet.SheetRow;
import gongkai.shared.sheet.Sheets;
import gongkai.shared.sheet.UnreadableSheetException;

/**
 * 污染源监测信息发布平台 (plan 二.5): the key-pollutant enterprises, registered by the city office's admin or the
 * environment office ({@code gongkai.environment.office}); their outlets; the self-monitoring results their people
 * upload (all or nothing, each bad cell named by row and column), each judged against its limit when stored; and the
 * periods whose result is missing or came late, for the bureau.
 *
 * <p>UNCONFIRMED and configurable: the days after a period's end by which its result is due
 * ({@code gongkai.environment.pollution.grace-days.daily|monthly|quarterly}, 1/10/15 by default) and how far back the
 * bureau's view looks ({@code gongkai.environment.pollution.lookback-days}, 92).
 */
@Service
public class PollutionSources {

    /** The columns of an upload: outlet, pollutant, value and measuredAt required; limit and unit optional. */
    public static final List<String> COLUMNS = List.of("outlet", "pollutant", "value", "limit", "unit", "measuredAt");
    private static final int MAX_ROWS = 50_000;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final String office;
    private final Map<MonitoringFrequency, Integer> graceDays = new EnumMap<>(MonitoringFrequency.class);
    private final int lookbackDays;
    private final SurfaceWaterStandard rounding = SurfaceWaterStandard.standard();
    private final GongkaiProperties properties;

    PollutionSources(JdbcTemplate jdbc, Organisations organisations, Accounts accounts, Regions regions,
            AuditTrail audit, Clock clock, GongkaiProperties properties, @Value("${gongkai.environment.office:ycshbj}") String office,
            @Value("${gongkai.environment.pollution.grace-days.daily:1}") int daily,
            @Value("${gongkai.environment.pollution.grace-days.monthly:10}") int monthly,
            @Value("${gongkai.environment.pollution.grace-days.quarterly:15}") int quarterly,
            @Value("${gongkai.environment.pollution.lookback-days:92}") int lookbackDays) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.office = office;
        graceDays.put(MonitoringFrequency.DAILY, daily);
        graceDays.put(MonitoringFrequency.MONTHLY, monthly);
        graceDays.put(MonitoringFrequency.QUARTERLY, quarterly);
        this.lookbackDays = lookbackDays;
        this.properties = properties;
    }

    // ---- who may do what: one rule per action, asked by the services and the pages alike ----

    /** Registering an enterprise: the city office's admin, or an editor or approver of the environment office. */
    public boolean mayRegister(Actor actor) {
        return actor != null && ((actor.cityWide() && actor.has(Role.ADMIN)) || actor.canActFor(office, Role.EDITOR)
                || actor.canActFor(office, Role.APPROVER));
    }

    /** The bureau's view of every enterprise: the environment office's staff and the city office's admin. */
    public boolean maySupervise(Actor actor) {
        return actor != null && !actor.isResident() && (actor.canActFor(office) && !actor.roles().isEmpty());
    }

    /** Defining outlets and uploading results: the enterprise's own editor, or an editor of the environment office. */
    public boolean mayUpload(Actor actor, Enterprise enterprise) {
        return actor != null && (actor.canActFor(enterprise.orgCode(), Role.EDITOR)
                || actor.canActFor(office, Role.EDITOR));
    }

    /** Whether the actor is one of an enterprise's people (kept out of the rest of the back office). */
    public Optional<Enterprise> enterpriseOf(Actor actor) {
        if (actor == null || actor.orgCode() == null) {
            return Optional.empty();
        }
        return enterprises().stream().filter(e -> e.orgCode().equals(actor.orgCode())).findFirst();
    }

    public String office() {
        return office;
    }

    // ---- enterprises ----

    /** The body of a registration (back-office form and API). */
    public record NewEnterprise(String creditCode, String name, String region, String industry) {
    }

    /**
     * Registers an enterprise with its 统一社会信用代码 (GB 32100 check character verified), name, county and industry,
     * under the environment office. Every bad field is reported at once; audited.
     */
    @Transactional
    public Enterprise register(NewEnterprise in) {
        return register(in, false);
    }

    /** Registers a fictitious enterprise for the demo profile (示例数据); refused outside it. */
    @Transactional
    public Enterprise registerDemo(NewEnterprise in) {
        if (!properties.demo()) {
            throw new AccessDeniedProblem("只有演示环境可以登记示例单位。");
        }
        return register(in, true);
    }

    private Enterprise register(NewEnterprise in, boolean demo) {
        Actor actor = Actor.require();
        if (!mayRegister(actor)) {
            throw new AccessDeniedProblem("重点排污单位由市政府办公室的管理员或生态环境部门的信息员、审核人登记。");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String credit = strip(in.creditCode()).toUpperCase(Locale.ROOT);
        if (!ContactFormats.isCreditCode(credit)) {
            errors.put("creditCode", "统一社会信用代码不正确（应为18位，末位校验码须符合GB 32100）。");
        } else if (find(credit).isPresent()) {
            errors.put("creditCode", "统一社会信用代码为“" + credit + "”的单位已登记。");
        }
        String name = strip(in.name());
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "单位名称不能为空，且不能超过200个字。");
        }
        String region = strip(in.region());
        if (regions.find(region).filter(r -> r.isCountyLevel() || regions.isTop(r.code())).isEmpty()) {
            errors.put("region", "所在区划应为本市或所辖县（市、区）的区划代码，而不是“" + region + "”。");
        }
        String industry = strip(in.industry());
        if (industry.isEmpty() || industry.length() > 100) {
            errors.put("industry", "所属行业不能为空，且不能超过100个字。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        Organisation org = organisations.registerEnterprise(orgCodeOf(credit), name, credit, region, office, demo);
        jdbc.update("INSERT INTO pollution_enterprise (credit_code, org_code, industry, demo) VALUES (?, ?, ?, ?)",
                credit, org.code(), industry, demo);
        return get(credit);
    }

    /** An enterprise's account organisation code, from its credit code (letters and digits, lower case). */
    static String orgCodeOf(String creditCode) {
        return "e" + creditCode.toLowerCase(Locale.ROOT);
    }

    /** Creates a user for the enterprise: an editor who uploads its results and does nothing else. */
    @Transactional
    public void addUser(String creditCode, String username, String displayName, String password) {
        Enterprise e = get(creditCode);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!strip(username).matches("[A-Za-z0-9_.-]{3,50}")) {
            errors.put("username", "用户名应为3至50位字母、数字、下划线、点或连字符。");
        }
        if (strip(displayName).isEmpty() || strip(displayName).length() > 100) {
            errors.put("displayName", "姓名不能为空，且不能超过100个字。");
        }
        if (password == null || password.length() < 12 || password.length() > 128) {
            errors.put("password", "密码长度应为12至128位。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        accounts.create(new NewUser(strip(username), password, strip(displayName), e.orgCode(),
                EnumSet.of(Role.EDITOR)));
    }

    @Transactional(readOnly = true)
    public List<Enterprise> enterprises() {
        Map<String, String> names = regions.namesByCode();
        Map<String, Organisation> orgs = new HashMap<>();
        organisations.enterprises().forEach(o -> orgs.put(o.code(), o));
        return jdbc.query("SELECT credit_code, org_code, industry, demo FROM pollution_enterprise ORDER BY credit_code",
                (rs, i) -> {
                    Organisation o = orgs.get(rs.getString(2));
                    return new Enterprise(rs.getString(1), rs.getString(2), o.name(), o.regionCode(),
                            names.getOrDefault(o.regionCode(), o.regionCode()), rs.getString(3), rs.getBoolean(4));
                });
    }

    public Optional<Enterprise> find(String creditCode) {
        String c = strip(creditCode).toUpperCase(Locale.ROOT);
        return enterprises().stream().filter(e -> e.creditCode().equals(c)).findFirst();
    }

    public Enterprise get(String creditCode) {
        return find(creditCode).orElseThrow(() -> new NotFoundProblem("没有统一社会信用代码为“" + creditCode
                + "”的重点排污单位。"));
    }

    // ---- outlets ----

    /**
     * The body of an outlet's definition. {@code pollutants} has one line per pollutant: name, limit, unit separated
     * by commas, e.g. "化学需氧量,100,mg/L" or "pH值,6-9,无量纲".
     */
    public record NewOutlet(String code, String name, String kind, String frequency, String monitoredFrom,
            String pollutants) {
    }

    /** Defines an outlet, or redefines one of the same code (its pollutants replaced). Audited. */
    @Transactional
    public Outlet defineOutlet(String creditCode, NewOutlet in) {
        Enterprise e = get(creditCode);
        Actor actor = Actor.require();
        if (!mayUpload(actor, e)) {
            throw new AccessDeniedProblem("排放口由本单位的信息员或生态环境部门的信息员登记。");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String code = strip(in.code());
        if (!code.matches("[A-Za-z0-9_-]{1,40}")) {
            errors.put("code", "排放口编号应为1至40位字母、数字、下划线或连字符，如DW001。");
        }
        String name = strip(in.name());
        if (name.isEmpty() || name.length() > 100) {
            errors.put("name", "排放口名称不能为空，且不能超过100个字。");
        }
        OutletKind kind = OutletKind.parse(in.kind());
        if (kind == null) {
            errors.put("kind", "排放口类型应为废水或废气。");
        }
        MonitoringFrequency frequency = MonitoringFrequency.parse(in.frequency());
        if (frequency == null) {
            errors.put("frequency", "监测频次应为每日、每月或每季度。");
        }
        LocalDate from = null;
        try {
            from = strip(in.monitoredFrom()).isEmpty() ? LocalDate.now(clock) : LocalDate.parse(strip(in.monitoredFrom()));
        } catch (DateTimeParseException ex) {
            errors.put("monitoredFrom", "监测起始日期应写作2026-03-01，而不是“" + strip(in.monitoredFrom()) + "”。");
        }
        List<MonitoredPollutant> pollutants = new ArrayList<>();
        String[] lines = strip(in.pollutants()).split("\\R");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "监测项目第" + (i + 1) + "行";
            String[] parts = line.split("\\s*[,，]\\s*");
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                errors.put("pollutants" + i, where + "：应写作“污染物,限值,单位”，如“化学需氧量,100,mg/L”，而不是“" + line + "”。");
                continue;
            }
            if (parts[0].length() > 60 || parts[2].length() > 30) {
                errors.put("pollutants" + i, where + "：污染物名称不能超过60个字，单位不能超过30个字。");
                continue;
            }
            if (seen.contains(parts[0])) {
                errors.put("pollutants" + i, where + "：“" + parts[0] + "”重复。");
                continue;
            }
            seen.add(parts[0]);
            try {
                pollutants.add(new MonitoredPollutant(parts[0], limit(parts[1]), parts[2]));
            } catch (IllegalArgumentException ex) {
                errors.put("pollutants" + i, where + " 限值：" + ex.getMessage());
            }
        }
        if (pollutants.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("pollutants"))) {
            errors.put("pollutants", "请至少填写一个监测项目。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        Long existing = jdbc.query("SELECT id FROM pollution_outlet WHERE credit_code = ? AND code = ?",
                rs -> rs.next() ? rs.getLong(1) : null, e.creditCode(), code);
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        if (existing != null) {
            id = existing;
            jdbc.update("UPDATE pollution_outlet SET name = ?, kind = ?, frequency = ?, monitored_from = ?, "
                    + "defined_by = ?, defined_at = ? WHERE id = ?", name, kind.name(), frequency.name(), from,
                    actor.username(), now, id);
            jdbc.update("DELETE FROM pollution_outlet_pollutant WHERE outlet_id = ?", id);
        } else {
            jdbc.update("INSERT INTO pollution_outlet (credit_code, code, name, kind, frequency, monitored_from, "
                    + "defined_by, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.creditCode(), code, name,
                    kind.name(), frequency.name(), from, actor.username(), now);
            id = jdbc.queryForObject("SELECT id FROM pollution_outlet WHERE credit_code = ? AND code = ?", Long.class,
                    e.creditCode(), code);
        }
        for (int i = 0; i < pollutants.size(); i++) {
            MonitoredPollutant p = pollutants.get(i);
            jdbc.update("INSERT INTO pollution_outlet_pollutant (outlet_id, sort_order, pollutant, limit_min, limit_max, "
                    + "unit) VALUES (?, ?, ?, ?, ?, ?)", id, i, p.name(), p.limit().min(), p.limit().max(), p.unit());
        }
        Outlet outlet = new Outlet(code, name, kind, frequency, from, pollutants);
        audit.record("environment.pollution.outlet", "pollution-source", e.creditCode(), (existing == null ? "登记" : "修改")
                + "排放口" + code + "（" + name + "，" + kind.label() + "，" + frequency.label() + "，自" + from + "起）："
                + outlet.pollutantsText());
        return outlet;
    }

    /** An enterprise's outlets, by code. */
    @Transactional(readOnly = true)
    public List<Outlet> outlets(String creditCode) {
        Map<Long, List<MonitoredPollutant>> pollutants = new HashMap<>();
        jdbc.query("SELECT p.outlet_id, p.pollutant, p.limit_min, p.limit_max, p.unit FROM pollution_outlet_pollutant p "
                + "JOIN pollution_outlet o ON o.id = p.outlet_id WHERE o.credit_code = ? ORDER BY p.outlet_id, p.sort_order",
                rs -> {
                    pollutants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new MonitoredPollutant(
                            rs.getString(2), new WaterLimit(plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4))),
                            rs.getString(5)));
                }, creditCode);
        return jdbc.query("SELECT id, code, name, kind, frequency, monitored_from FROM pollution_outlet "
                + "WHERE credit_code = ? ORDER BY code", (rs, i) -> new Outlet(rs.getString(2), rs.getString(3),
                        OutletKind.valueOf(rs.getString(4)), MonitoringFrequency.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class), pollutants.getOrDefault(rs.getLong(1), List.of())),
                creditCode);
    }

    /**
     * A limit as written: "100" or "≤100" (at most), "≥5" (at least), "6-9" or "6～9" (a range).
     *
     * @throws IllegalArgumentException with a Chinese message
     */
    static WaterLimit limit(String text) {
        String t = strip(text).replace("＜", "<").replace("＞", ">").replace("～", "-").replace("~", "-")
                .replace("—", "-").replace("–", "-");
        try {
            if (t.startsWith("≤") || t.startsWith("<=")) {
                return WaterLimit.atMost(nonNegative(t.replaceFirst("^(≤|<=)", "")));
            }
            if (t.startsWith("≥") || t.startsWith(">=")) {
                return WaterLimit.atLeast(nonNegative(t.replaceFirst("^(≥|>=)", "")));
            }
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                BigDecimal min = nonNegative(t.substring(0, dash));
                BigDecimal max = nonNegative(t.substring(dash + 1));
                if (min.compareTo(max) >= 0) {
                    throw new IllegalArgumentException("范围的下限应小于上限，而不是“" + text.strip() + "”。");
                }
                return new WaterLimit(min, max);
            }
            BigDecimal max = nonNegative(t);
            if (max.signum() == 0) {
                throw new IllegalArgumentException("限值应大于0。");
            }
            return WaterLimit.atMost(max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("应为数字（如100）、范围（如6-9）或“≥5”，而不是“" + strip(text) + "”。");
        }
    }

    private static BigDecimal nonNegative(String s) {
        BigDecimal n = new BigDecimal(s.strip());
        if (n.signum() < 0) {
            throw new IllegalArgumentException("限值不能为负数。");
        }
        return n.stripTrailingZeros();
    }

    // ---- uploads ----

    /** One row of an upload, checked. */
    record Row(String outlet, String pollutant, Instant measuredAt, BigDecimal value, WaterLimit limit, String unit) {
    }

    /**
     * Takes in a CSV ({@code outlet,pollutant,value,limit,unit,measuredAt}; limit and unit may be left out and then
     * come from the outlet's definition). Returns the rows stored.
     *
     * @throws InvalidInputProblem naming every bad row and column; nothing is stored then
     */
    @Transactional
    public int importCsv(String creditCode, byte[] csv) {
        return importSheet(creditCode, "上传的文件", csv);
    }

    /** The same from an uploaded sheet, XLSX or CSV told apart by content ({@link Sheets}), as kept in Excel or WPS. */
    @Transactional
    public int importSheet(String creditCode, String fileName, byte[] bytes) {
        Enterprise e = requireUploader(creditCode);
        List<SheetRow> sheet;
        try {
            sheet = Sheets.read(fileName, bytes, MAX_ROWS + 2,
                    "请按表头 outlet,pollutant,value,limit,unit,measuredAt 填写 XLSX 或 CSV 后上传。");
        } catch (UnreadableSheetException ex) {
            throw new InvalidInputProblem("file", ex.getMessage());
        }
        if (sheet.isEmpty()) {
            throw new InvalidInputProblem("file", "第1行应为表头（outlet,pollutant,value,limit,unit,measuredAt），文件是空的。");
        }
        if (sheet.size() > MAX_ROWS + 1) {
            throw new InvalidInputProblem("file", "一次最多上传" + MAX_ROWS + "行。");
        }
        SheetRow head = sheet.get(0);
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < head.cells().size(); i++) {
            String h = head.cell(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (!h.isEmpty()) {
                header.putIfAbsent(h, i);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (String required : List.of("outlet", "pollutant", "value", "measuredAt")) {
            if (!header.containsKey(required.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("file", "第1行应为表头（outlet,pollutant,value,limit,unit,measuredAt），缺少“"
                        + required + "”。"));
            }
        }
        for (String h : header.keySet()) {
            if (COLUMNS.stream().noneMatch(c -> c.equalsIgnoreCase(h))) {
                errors.add(new FieldError("file", "表头中的“" + h + "”不是可识别的列。"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (SheetRow rec : sheet.subList(1, sheet.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            header.forEach((h, i) -> cells.put(h, rec.cell(i)));
            rows.add(cells);
            lines.add((long) rec.number());
        }
        return take(e, rows, lines, "行");
    }

    /** Takes in rows given as JSON objects with the same names as the CSV's columns; "第N条" names a bad one. */
    @Transactional
    public int importRows(String creditCode, List<Map<String, String>> rows) {
        Enterprise e = requireUploader(creditCode);
        List<Map<String, String>> lower = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> m = new LinkedHashMap<>();
            rows.get(i).forEach((k, v) -> m.put(k.strip().toLowerCase(Locale.ROOT), v));
            lower.add(m);
            numbers.add((long) i + 1);
        }
        return take(e, lower, numbers, "条");
    }

    private Enterprise requireUploader(String creditCode) {
        Enterprise e = get(creditCode);
        if (!mayUpload(Actor.require(), e)) {
            throw new AccessDeniedProblem("监测结果由本单位的信息员或生态环境部门的信息员上传。");
        }
        return e;
    }

    private int take(Enterprise e, List<Map<String, String>> rows, List<Long> numbers, String unitWord) {
        if (rows.isEmpty()) {
            throw new InvalidInputProblem("file", "没有数据行。");
        }
        Map<String, Outlet> outlets = new LinkedHashMap<>();
        outlets(e.creditCode()).forEach(o -> outlets.put(o.code(), o));
        List<FieldError> errors = new ArrayList<>();
        List<Row> parsed = new ArrayList<>();
        Map<String, Long> firstSeen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            long n = numbers.get(i);
            String where = "第" + n + unitWord;
            Row r = row(n, where, rows.get(i), outlets, errors);
            if (r == null) {
                continue;
            }
            String key = r.outlet() + "|" + r.pollutant() + "|" + r.measuredAt();
            Long earlier = firstSeen.putIfAbsent(key, n);
            if (earlier != null) {
                errors.add(new FieldError("row" + n, where + "：与第" + earlier + unitWord
                        + "重复（同一排放口、污染物和监测时间）。"));
                continue;
            }
            Instant stored = storedAt(e.creditCode(), r);
            if (stored != null) {
                errors.add(new FieldError("row" + n, where + "：" + r.outlet() + " " + r.pollutant() + " "
                        + MINUTES.format(r.measuredAt().atZone(PlatformConfiguration.CHINA)) + "的结果已于"
                        + MINUTES.format(stored.atZone(PlatformConfiguration.CHINA)) + "上传，不能重复上传。"));
                continue;
            }
            parsed.add(r);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        Timestamp now = Timestamp.from(clock.instant());
        String by = Actor.require().username();
        int exceeded = 0;
        List<Object[]> inserts = new ArrayList<>();
        for (Row r : parsed) {
            boolean over = !r.limit().meets(r.value());
            BigDecimal multiple = over ? rounding.multiple(r.value(), r.limit()) : null;
            exceeded += over ? 1 : 0;
            inserts.add(new Object[] { e.creditCode(), r.outlet(), r.pollutant(), Timestamp.from(r.measuredAt()),
                    r.value(), r.limit().min(), r.limit().max(), r.unit(), over, multiple, by, now });
        }
        jdbc.batchUpdate("INSERT INTO pollution_result (credit_code, outlet_code, pollutant, measured_at, "
                + "measured_value, limit_min, limit_max, unit, exceeded, exceedance_multiple, uploaded_by, uploaded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        audit.record("environment.pollution.upload", "pollution-source", e.creditCode(), "上传" + e.name()
                + "自行监测结果" + parsed.size() + "条（超标" + exceeded + "条）");
        return parsed.size();
    }

    private Instant storedAt(String creditCode, Row r) {
        return jdbc.query("SELECT uploaded_at FROM pollution_result WHERE credit_code = ? AND outlet_code = ? "
                + "AND pollutant = ? AND measured_at = ?", rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null,
                creditCode, r.outlet(), r.pollutant(), Timestamp.from(r.measuredAt()));
    }

    private Row row(long n, String where, Map<String, String> cells, Map<String, Outlet> outlets,
            List<FieldError> errors) {
        int before = errors.size();
        String outletCode = cell(cells, "outlet");
        Outlet outlet = outlets.get(outletCode);
        if (outletCode.isEmpty()) {
            errors.add(new FieldError("row" + n + ".outlet", where + " outlet：排放口编号不能为空。"));
        } else if (outlet == null) {
            errors.add(new FieldError("row" + n + ".outlet", where + " outlet：“" + outletCode + "”不是本单位登记的排放口"
                    + (outlets.isEmpty() ? "（本单位尚未登记排放口）" : "（已登记：" + String.join("、", outlets.keySet()) + "）")
                    + "。"));
        }
        String pollutantName = cell(cells, "pollutant");
        MonitoredPollutant pollutant = null;
        if (pollutantName.isEmpty()) {
            errors.add(new FieldError("row" + n + ".pollutant", where + " pollutant：污染物不能为空。"));
        } else if (outlet != null) {
            pollutant = outlet.pollutant(pollutantName).orElse(null);
            if (pollutant == null) {
                errors.add(new FieldError("row" + n + ".pollutant", where + " pollutant：排放口" + outlet.code()
                        + "不监测“" + pollutantName + "”（监测项目：" + String.join("、", outlet.pollutants().stream()
                                .map(MonitoredPollutant::name).toList()) + "）。"));
            }
        }
        String valueText = cell(cells, "value");
        BigDecimal value = null;
        try {
            value = new BigDecimal(valueText);
            if (value.signum() < 0) {
                errors.add(new FieldError("row" + n + ".value", where + " value：监测值不能为负数（“" + valueText + "”）。"));
                value = null;
            } else if (value.scale() > 6 || value.precision() - value.scale() > 12) {
                errors.add(new FieldError("row" + n + ".value", where + " value：监测值最多12位整数、6位小数，而不是“"
                        + valueText + "”。"));
                value = null;
            }
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("row" + n + ".value", where + " value：“" + valueText + "”不是数字。"));
        }
        WaterLimit limit = pollutant == null ? null : pollutant.limit();
        String limitText = cell(cells, "limit");
        if (!limitText.isEmpty()) {
            try {
                limit = limit(limitText);
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("row" + n + ".limit", where + " limit：" + ex.getMessage()));
            }
        }
        String unit = cell(cells, "unit");
        if (pollutant != null && !unit.isEmpty() && !unit.equals(pollutant.unit())) {
            errors.add(new FieldError("row" + n + ".unit", where + " unit：单位应为“" + pollutant.unit()
                    + "”（与排放口登记的一致），而不是“" + unit + "”。"));
        }
        String timeText = cell(cells, "measuredat");
        Instant measuredAt = null;
        try {
            measuredAt = time(timeText);
            if (measuredAt.isAfter(clock.instant())) {
                errors.add(new FieldError("row" + n + ".measuredAt", where + " measuredAt：" + timeText + "是将来的时间。"));
            }
        } catch (DateTimeParseException ex) {
            errors.add(new FieldError("row" + n + ".measuredAt", where + " measuredAt：应为2026-03-01 08:00这样的时间，而不是“"
                    + timeText + "”。"));
        }
        if (errors.size() != before) {
            return null;
        }
        return new Row(outlet.code(), pollutant.name(), measuredAt, value, limit, pollutant.unit());
    }

    private static String cell(Map<String, String> cells, String column) {
        String v = cells.get(column.toLowerCase(Locale.ROOT));
        return v == null ? "" : v.strip();
    }

    /** "2026-03-01 08:00", "2026-03-01T08:00[:00]" or "2026-03-01" (midnight), China time. */
    static Instant time(String text) {
        String t = text.strip().replace('T', ' ');
        LocalDateTime at;
        if (t.length() == 10) {
            at = LocalDate.parse(t).atStartOfDay();
        } else if (t.length() == 16) {
            at = LocalDateTime.parse(t, MINUTES);
        } else {
            at = LocalDateTime.parse(t.replace(' ', 'T'));
        }
        return at.atZone(PlatformConfiguration.CHINA).toInstant();
    }

    // ---- reading ----

    /** One page of an enterprise's results, newest first. */
    public record ResultPage(List<MonitoringResult> rows, int page, int pages, long total) {
    }

    @Transactional(readOnly = true)
    public ResultPage results(String creditCode, int page, int size) {
        Enterprise e = get(creditCode);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM pollution_result WHERE credit_code = ?", Long.class,
                e.creditCode());
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int p = Math.max(1, Math.min(page, pages));
        List<MonitoringResult> rows = jdbc.query(SELECT + "WHERE credit_code = ? ORDER BY measured_at DESC, outlet_code, "
                + "pollutant LIMIT ? OFFSET ?", (rs, i) -> result(rs), e.creditCode(), size, (p - 1) * size);
        return new ResultPage(rows, p, pages, total);
    }

    /** An enterprise's results measured between two days (China dates, both included), newest first. */
    @Transactional(readOnly = true)
    public List<MonitoringResult> results(String creditCode, LocalDate from, LocalDate to) {
        Enterprise e = get(creditCode);
        return jdbc.query(SELECT + "WHERE credit_code = ? AND measured_at >= ? AND measured_at < ? "
                + "ORDER BY measured_at DESC, outlet_code, pollutant", (rs, i) -> result(rs), e.creditCode(),
                start(from), start(to.plusDays(1)));
    }

    private static final String SELECT = "SELECT outlet_code, pollutant, measured_at, measured_value, limit_min, "
            + "limit_max, unit, exceeded, exceedance_multiple, uploaded_by, uploaded_at, credit_code FROM pollution_result ";

    private static MonitoringResult result(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MonitoringResult(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                plain(rs.getBigDecimal(4)), new WaterLimit(plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6))),
                rs.getString(7), rs.getBoolean(8), rs.getBigDecimal(9) == null ? null
                        : rs.getBigDecimal(9).setScale(2, java.math.RoundingMode.UNNECESSARY),
                rs.getString(10), rs.getTimestamp(11).toInstant());
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(PlatformConfiguration.CHINA).toInstant());
    }

    /** The county (or the city) and its enterprises, as the public list groups them. */
    public record County(String code, String name, List<EnterpriseStatus> enterprises) {
    }

    /** Every enterprise with its latest status and its exceedances of the last twelve months, by county. */
    @Transactional(readOnly = true)
    public List<County> byCounty() {
        Timestamp yearAgo = Timestamp.from(LocalDate.now(clock).minusMonths(12)
                .atStartOfDay(PlatformConfiguration.CHINA).toInstant());
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT credit_code, COUNT(*) FROM pollution_result WHERE exceeded AND measured_at >= ? "
                + "GROUP BY credit_code", rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, yearAgo);
        Map<String, Instant> latest = new HashMap<>();
        jdbc.query("SELECT credit_code, MAX(measured_at) FROM pollution_result GROUP BY credit_code", rs -> {
            latest.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        });
        Map<String, Boolean> latestExceeded = new HashMap<>();
        latest.forEach((credit, at) -> latestExceeded.put(credit, Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM pollution_result WHERE credit_code = ? AND measured_at = ? AND exceeded",
                Boolean.class, credit, Timestamp.from(at)))));
        List<Enterprise> all = enterprises();
        List<County> out = new ArrayList<>();
        List<Region> order = new ArrayList<>();
        regions.all().stream().filter(r -> regions.isTop(r.code())).forEach(order::add);
        order.addAll(regions.countyLevel());
        for (Region r : order) {
            List<EnterpriseStatus> here = all.stream().filter(e -> e.regionCode().equals(r.code()))
                    .sorted(java.util.Comparator.comparing(Enterprise::name))
                    .map(e -> new EnterpriseStatus(e, latest.get(e.creditCode()),
                            latestExceeded.getOrDefault(e.creditCode(), false), counts.getOrDefault(e.creditCode(), 0)))
                    .toList();
            if (!here.isEmpty()) {
                out.add(new County(r.code(), r.name(), here));
            }
        }
        return out;
    }

    /**
     * The periods of the last {@code lookback-days} whose deadline has passed (the period's last day plus the
     * frequency's grace days) with no result (缺报), or whose first result arrived after the deadline (迟报); latest
     * deadline first.
     */
    @Transactional(readOnly = true)
    public List<UploadGap> gaps() {
        LocalDate today = LocalDate.now(clock);
        LocalDate windowStart = today.minusDays(lookbackDays);
        List<UploadGap> out = new ArrayList<>();
        for (Enterprise e : enterprises()) {
            for (Outlet o : outlets(e.creditCode())) {
                LocalDate first = o.monitoredFrom().isAfter(windowStart) ? o.monitoredFrom() : windowStart;
                Map<LocalDate, Instant> firstUpload = new HashMap<>();
                jdbc.query("SELECT measured_at, uploaded_at FROM pollution_result WHERE credit_code = ? AND outlet_code = ? "
                        + "AND measured_at >= ?", rs -> {
                            LocalDate day = rs.getTimestamp(1).toInstant().atZone(PlatformConfiguration.CHINA).toLocalDate();
                            Instant up = rs.getTimestamp(2).toInstant();
                            firstUpload.merge(o.frequency().periodOf(day).first(), up, (a, b) -> a.isBefore(b) ? a : b);
                        }, e.creditCode(), o.code(), start(o.frequency().periodOf(first).first()));
                int grace = graceDays.get(o.frequency());
                for (MonitoringFrequency.Period p = o.frequency().periodOf(first); ; p = o.frequency().next(p)) {
                    LocalDate deadline = p.last().plusDays(grace);
                    if (!deadline.isBefore(today)) {
                        break;
                    }
                    Instant up = firstUpload.get(p.first());
                    if (up == null || up.atZone(PlatformConfiguration.CHINA).toLocalDate().isAfter(deadline)) {
                        out.add(new UploadGap(e, o, p.label(), deadline, up));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(UploadGap::deadline).reversed()
                .thenComparing(g -> g.enterprise().name()).thenComparing(g -> g.outlet().code()));
        return out;
    }

    public int graceDays(MonitoringFrequency f) {
        return graceDays.get(f);
    }

    /** An exceedance with the enterprise it belongs to, for the bureau's list. */
    public record EnterpriseResult(Enterprise enterprise, MonitoringResult result) {
    }

    /** Results over their limit measured in the last {@code days} days, newest first. */
    @Transactional(readOnly = true)
    public List<EnterpriseResult> recentExceedances(int days) {
        Map<String, Enterprise> byCredit = new HashMap<>();
        enterprises().forEach(e -> byCredit.put(e.creditCode(), e));
        return jdbc.query(SELECT + "WHERE exceeded AND measured_at >= ? ORDER BY measured_at DESC LIMIT 200",
                (rs, i) -> new EnterpriseResult(byCredit.get(rs.getString(12)), result(rs)),
                start(LocalDate.now(clock).minusDays(days)));
    }

    private static BigDecimal plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
