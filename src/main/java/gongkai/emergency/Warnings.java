package gongkai.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.DisclosureEventOccurred;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicPagesChanged;
import gongkai.shared.Role;

/**
 * The warnings (预警) of the emergency-response bodies ({@code gongkai.emergency.warning-bodies}). The fast path of
 * 突发事件应对法: an APPROVER of such a body publishes a warning at once, without 三审; a second person of the same body
 * (an APPROVER or REVIEWER who did not issue it) confirms it afterwards. An update replaces the message it references;
 * a cancellation (解除) ends the sequence. Whether a warning is in force is read from its times when asked, so nothing
 * has to run when it expires. Each step is audited, drops the public pages (every page shows the banner) and records
 * the disclosure event of catalogue item {@value #ITEM}.
 */
@Service
@Transactional
public class Warnings {

    public static final String ITEM = "dr-warning";

    private static final String COLUMNS = "id, msg_type, references_id, original_id, hazard, level, headline, "
            + "description, instruction, onset, expires, issuer_org, issued_at, issued_by, confirmed_at, confirmed_by, "
            + "superseded_by, reason, demo";

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<String> hazards;
    private final FastPath fastPath;

    Warnings(JdbcTemplate jdbc, Regions regions, Organisations organisations, ApplicationEventPublisher events,
            Clock clock,
            @Value("${gongkai.emergency.hazards:暴雨,台风,洪水,寒潮,大风,高温,干旱,雷电,冰雹,大雾,霾,道路结冰,地质灾害,森林火险,暴雪,霜冻}")
            List<String> hazards, FastPath fastPath) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.hazards = hazards.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        this.fastPath = fastPath;
    }

    /** The same service reading time from another clock: demo data is loaded as of its own past moments. */
    Warnings at(Clock other) {
        return new Warnings(jdbc, regions, organisations, events, other, hazards, fastPath);
    }

    /** Marks a sequence as fictitious (示例数据). */
    void markDemo(long originalId) {
        jdbc.update("UPDATE warning SET demo = TRUE WHERE original_id = ?", originalId);
    }

    /** The hazard types a warning may name, in the configured order. */
    @Transactional(readOnly = true)
    public List<String> hazards() {
        return hazards;
    }

    /** The bodies that may issue warnings. */
    @Transactional(readOnly = true)
    public List<Organisation> bodies() {
        return fastPath.bodies();
    }

    /** Whether the actor may issue warnings: the {@link FastPath} rule. */
    public boolean mayIssue(Actor actor) {
        return fastPath.mayPublishAtOnce(actor);
    }

    /** Whether the actor works a warning body's desk in the back office: its APPROVERs and REVIEWERs. */
    public boolean mayOpenDesk(Actor actor) {
        return fastPath.mayOpenDesk(actor);
    }

    /** Whether the actor may update or cancel the warning: an APPROVER of its issuer, while it is the latest. */
    public boolean mayChange(Actor actor, Warning w) {
        return actor != null && actor.canActFor(w.issuerOrg(), Role.APPROVER) && changeRefusal(w) == null;
    }

    /** Whether the actor may confirm the warning: a second person (APPROVER or REVIEWER) of its issuer. */
    public boolean mayConfirm(Actor actor, Warning w) {
        return confirmRefusal(actor, w) == null;
    }

    /** Publishes a new warning at once. */
    public long issue(NewWarning in) {
        Actor actor = Actor.require();
        String refusal = fastPath.publishRefusal(actor, "发布预警");
        if (refusal != null) {
            throw new AccessDeniedProblem(refusal);
        }
        return save(WarningMessageType.ALERT, null, valid(in, actor.orgCode()), actor, null, false);
    }

    /** Publishes an update of the warning, which replaces it. */
    public long update(long id, NewWarning in) {
        Actor actor = Actor.require();
        Warning target = get(id);
        guardChange(actor, target);
        Valid v = valid(in, target.issuerOrg());
        if (!v.hazard.equals(target.hazard())) {
            throw new InvalidInputProblem("hazard", "更新不能改变灾种（原为" + target.hazard() + "）；请解除后另行发布。");
        }
        return save(WarningMessageType.UPDATE, target, v, actor, null, false);
    }

    /** Lifts (解除) the warning. */
    public long cancel(long id, String reason) {
        Actor actor = Actor.require();
        Warning target = get(id);
        guardChange(actor, target);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("reason", "请填写解除原因。");
        }
        if (reason.strip().length() > 1000) {
            throw new InvalidInputProblem("reason", "解除原因不能超过1000个字。");
        }
        Organisation issuer = organisations.get(target.issuerOrg());
        Instant now = clock.instant();
        Valid v = new Valid(target.hazard(), target.level(), target.areas().stream().map(Warning.Area::code).toList(),
                issuer.name() + "解除" + target.hazard() + target.level().colour() + "预警",
                target.hazard() + target.level().colour() + "预警解除。" + reason.strip(), null,
                now.isBefore(target.onset()) ? now : target.onset(), now.isAfter(target.expires()) ? now
                        : target.expires(), issuer.code());
        return save(WarningMessageType.CANCEL, target, v, actor, reason.strip(), false);
    }

    /** A second person confirms a published warning. */
    public Warning confirm(long id) {
        Actor actor = Actor.require();
        Warning w = get(id);
        String refusal = confirmRefusal(actor, w);
        if (refusal != null) {
            if (w.confirmed()) {
                throw new ConflictProblem(refusal);
            }
            throw new AccessDeniedProblem(refusal);
        }
        jdbc.update("UPDATE warning SET confirmed_at = ?, confirmed_by = ? WHERE id = ?",
                Timestamp.from(clock.instant()), actor.username(), id);
        events.publishEvent(new AuditedChange("warning.confirm", "warning", Long.toString(id),
                "复核确认：" + w.headline()));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Warning get(long id) {
        List<Warning> found = query("WHERE id = ?", id);
        if (found.isEmpty()) {
            throw new NotFoundProblem("没有编号为" + id + "的预警。");
        }
        return found.get(0);
    }

    /** The sequence a message belongs to, alert first. */
    @Transactional(readOnly = true)
    public List<Warning> history(long id) {
        return query("WHERE original_id = ? ORDER BY id", get(id).originalId());
    }

    /** The warnings in force now, the highest level first, then the newest. */
    @Transactional(readOnly = true)
    public List<Warning> inForce() {
        Timestamp now = Timestamp.from(clock.instant());
        return query("WHERE msg_type <> 'CANCEL' AND superseded_by IS NULL AND onset <= ? AND expires > ? "
                + "ORDER BY id DESC", now, now).stream()
                .sorted(java.util.Comparator.comparing((Warning w) -> w.level().ordinal()).reversed())
                .toList();
    }

    /** The warnings in force now that cover any of the regions. */
    @Transactional(readOnly = true)
    public List<Warning> inForceFor(Collection<String> regionCodes) {
        Set<String> wanted = Set.copyOf(regionCodes);
        return inForce().stream().filter(w -> w.areas().stream().anyMatch(a -> wanted.contains(a.code()))).toList();
    }

    /** The moment the next warning in force expires or the next upcoming one starts; null when none. */
    @Transactional(readOnly = true)
    public Instant nextChange() {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp next = jdbc.queryForObject("SELECT MIN(CASE WHEN onset > ? THEN onset ELSE expires END) FROM warning "
                + "WHERE msg_type <> 'CANCEL' AND superseded_by IS NULL AND expires > ?", Timestamp.class, now, now);
        return next == null ? null : next.toInstant();
    }

    /** Every message, newest first, a page of {@code size}. */
    @Transactional(readOnly = true)
    public List<Warning> messages(int page, int size) {
        return query("ORDER BY id DESC LIMIT ? OFFSET ?", size, (long) Math.max(page, 0) * size);
    }

    /** The messages that are not in force (expired, replaced, lifted), newest first, a page of {@code size}. */
    @Transactional(readOnly = true)
    public List<Warning> past(int page, int size) {
        Timestamp now = Timestamp.from(clock.instant());
        return query("WHERE msg_type = 'CANCEL' OR superseded_by IS NOT NULL OR expires <= ? ORDER BY id DESC "
                + "LIMIT ? OFFSET ?", now, size, (long) Math.max(page, 0) * size);
    }

    @Transactional(readOnly = true)
    public long pastCount() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForObject("SELECT COUNT(*) FROM warning WHERE msg_type = 'CANCEL' OR superseded_by IS NOT NULL "
                + "OR expires <= ?", Long.class, now);
    }

    /** The published messages nobody has confirmed yet, for the back office. */
    @Transactional(readOnly = true)
    public List<Warning> unconfirmed() {
        return query("WHERE confirmed_at IS NULL ORDER BY id DESC");
    }

    private void guardChange(Actor actor, Warning target) {
        if (!actor.canActFor(target.issuerOrg(), Role.APPROVER)) {
            throw new AccessDeniedProblem("只有" + target.issuerName() + "的审批人员可以更新或解除该预警。");
        }
        String refusal = changeRefusal(target);
        if (refusal != null) {
            throw new ConflictProblem(refusal);
        }
    }

    private static String changeRefusal(Warning w) {
        if (w.msgType() == WarningMessageType.CANCEL || w.status() == WarningStatus.CANCELLED) {
            return "该预警已解除，不能再更新或解除。";
        }
        if (w.supersededBy() != null) {
            return "该预警已被第" + w.supersededBy() + "号预警更新；请对最新的一条操作。";
        }
        if (w.status() == WarningStatus.EXPIRED) {
            return "该预警已过期，不能再更新或解除；如需要请发布新的预警。";
        }
        return null;
    }

    private String confirmRefusal(Actor actor, Warning w) {
        return fastPath.confirmRefusal(actor, w.issuerOrg(), w.issuedBy(), w.confirmedBy(), "预警");
    }

    private record Valid(String hazard, WarningLevel level, List<String> areas, String headline, String description,
            String instruction, Instant onset, Instant expires, String issuer) {
    }

    private Valid valid(NewWarning in, String issuerCode) {
        List<FieldError> errors = new ArrayList<>();
        String hazard = strip(in.hazard());
        if (hazard == null) {
            errors.add(new FieldError("hazard", "请选择灾种。"));
        } else if (!hazards.contains(hazard)) {
            errors.add(new FieldError("hazard", "灾种“" + hazard + "”不在可选范围内（" + String.join("、", hazards) + "）。"));
        }
        WarningLevel level = null;
        String levelText = strip(in.level());
        if (levelText == null) {
            errors.add(new FieldError("level", "请选择预警级别。"));
        } else {
            try {
                level = WarningLevel.valueOf(levelText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("level", "预警级别“" + levelText + "”无效，应为 BLUE、YELLOW、ORANGE 或 RED。"));
            }
        }
        Organisation issuer = organisations.get(issuerCode);
        Set<String> issuerArea = issuer.regionCode() == null ? Set.of() : regions.selfAndDescendants(issuer.regionCode());
        List<String> areas = AreaInput.read(in.areas(), regions, issuerArea, issuer.name(), "预警区域", errors);
        String description = strip(in.description());
        if (description == null) {
            errors.add(new FieldError("description", "请填写预警内容。"));
        } else if (description.length() > 4000) {
            errors.add(new FieldError("description", "预警内容不能超过4000个字。"));
        }
        String instruction = strip(in.instruction());
        if (instruction != null && instruction.length() > 4000) {
            errors.add(new FieldError("instruction", "防御指南不能超过4000个字。"));
        }
        String headline = strip(in.headline());
        if (headline != null && headline.length() > 200) {
            errors.add(new FieldError("headline", "标题不能超过200个字。"));
        }
        Instant onset = time(in.onset(), "onset", "生效时间", errors);
        Instant expires = time(in.expires(), "expires", "失效时间", errors);
        if (onset != null && expires != null && !expires.isAfter(onset)) {
            errors.add(new FieldError("expires", "失效时间必须晚于生效时间。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        if (headline == null) {
            headline = issuer.name() + "发布" + hazard + level.colour() + "预警";
        }
        return new Valid(hazard, level, List.copyOf(areas), headline, description, instruction, onset, expires,
                issuer.code());
    }

    /** A time as entered: with an offset, or a Beijing local time; null with the problem added when unreadable. */
    static Instant time(String text, String field, String label, List<FieldError> errors) {
        String t = strip(text);
        if (t == null) {
            errors.add(new FieldError(field, "请填写" + label + "。"));
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(PlatformConfiguration.CHINA).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(field, label + "“" + t + "”格式无效，应如 2026-07-01T08:00（北京时间）。"));
                return null;
            }
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private long save(WarningMessageType type, Warning target, Valid v, Actor actor, String reason, boolean demoRow) {
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO warning (msg_type, references_id, original_id, hazard, level, "
                    + "headline, description, instruction, onset, expires, issuer_org, issued_at, issued_by, reason, "
                    + "demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, type.name());
            ps.setObject(2, target == null ? null : target.id());
            ps.setObject(3, target == null ? null : target.originalId());
            ps.setString(4, v.hazard);
            ps.setString(5, v.level.name());
            ps.setString(6, v.headline);
            ps.setString(7, v.description);
            ps.setString(8, v.instruction);
            ps.setTimestamp(9, Timestamp.from(v.onset));
            ps.setTimestamp(10, Timestamp.from(v.expires));
            ps.setString(11, v.issuer);
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setString(13, actor.username());
            ps.setString(14, reason);
            ps.setBoolean(15, demoRow);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        if (target == null) {
            jdbc.update("UPDATE warning SET original_id = id WHERE id = ?", id);
        } else {
            jdbc.update("UPDATE warning SET superseded_by = ? WHERE id = ?", id, target.id());
        }
        int position = 0;
        for (String code : v.areas) {
            jdbc.update("INSERT INTO warning_area (warning_id, position, region_code) VALUES (?, ?, ?)", id,
                    position++, code);
        }
        events.publishEvent(new AuditedChange("warning." + type.name().toLowerCase(java.util.Locale.ROOT), "warning",
                Long.toString(id), type.label() + "：" + v.headline + (target == null ? "" : "（原第" + target.id()
                        + "号）")));
        events.publishEvent(new DisclosureEventOccurred(v.issuer, ITEM, now.atZone(PlatformConfiguration.CHINA)
                .toLocalDate(), v.headline, "warning:" + id));
        events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.EVERYTHING));
        events.publishEvent(new WarningIssued(id));
        return id;
    }

    private List<Warning> query(String where, Object... args) {
        Instant now = clock.instant();
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM warning " + where, (rs, n) -> row(rs), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> areas = new java.util.HashMap<>();
        String ids = rows.stream().map(r -> Long.toString(r.id)).collect(Collectors.joining(","));
        jdbc.query("SELECT warning_id, region_code FROM warning_area WHERE warning_id IN (" + ids
                + ") ORDER BY warning_id, position", rs -> {
                    areas.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Set<Long> superseders = rows.stream().filter(r -> r.supersededBy != null).map(r -> r.supersededBy)
                .collect(Collectors.toSet());
        Set<Long> cancels = superseders.isEmpty() ? Set.of() : Set.copyOf(jdbc.queryForList(
                "SELECT id FROM warning WHERE msg_type = 'CANCEL' AND id IN (" + superseders.stream()
                        .map(String::valueOf).collect(Collectors.joining(",")) + ")", Long.class));
        Map<String, String> regionNames = regions.namesByCode();
        Map<String, String> orgNames = organisations.namesByCode();
        return rows.stream().map(r -> {
            WarningStatus status;
            if (r.type == WarningMessageType.CANCEL || (r.supersededBy != null && cancels.contains(r.supersededBy))) {
                status = WarningStatus.CANCELLED;
            } else if (r.supersededBy != null) {
                status = WarningStatus.SUPERSEDED;
            } else if (now.isBefore(r.onset)) {
                status = WarningStatus.UPCOMING;
            } else if (!now.isBefore(r.expires)) {
                status = WarningStatus.EXPIRED;
            } else {
                status = WarningStatus.IN_FORCE;
            }
            List<Warning.Area> a = areas.getOrDefault(r.id, List.of()).stream()
                    .map(c -> new Warning.Area(c, regionNames.getOrDefault(c, c))).toList();
            return new Warning(r.id, r.type, r.originalId, r.referencesId, r.hazard, r.level, a, r.headline,
                    r.description, r.instruction, r.onset, r.expires, r.issuer, orgNames.getOrDefault(r.issuer,
                            r.issuer), r.issuedAt, r.issuedBy, r.confirmedAt, r.confirmedBy, r.supersededBy, r.reason,
                    r.demo, status);
        }).toList();
    }

    private record Row(long id, WarningMessageType type, Long referencesId, long originalId, String hazard,
            WarningLevel level, String headline, String description, String instruction, Instant onset,
            Instant expires, String issuer, Instant issuedAt, String issuedBy, Instant confirmedAt,
            String confirmedBy, Long supersededBy, String reason, boolean demo) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), WarningMessageType.valueOf(rs.getString("msg_type")),
                (Long) rs.getObject("references_id", Long.class), rs.getLong("original_id"), rs.getString("hazard"),
                WarningLevel.valueOf(rs.getString("level")), rs.getString("headline"), rs.getString("description"),
                rs.getString("instruction"), rs.getTimestamp("onset").toInstant(),
                rs.getTimestamp("expires").toInstant(), rs.getString("issuer_org"),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), instant(rs, "confirmed_at"),
                rs.getString("confirmed_by"), rs.getObject("superseded_by", Long.class), rs.getString("reason"),
                rs.getBoolean("demo"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The region names of codes, for callers that hold codes. */
    @Transactional(readOnly = true)
    public List<Region> regionsOf(Collection<String> codes) {
        return codes.stream().map(regions::find).flatMap(java.util.Optional::stream).toList();
    }
}
