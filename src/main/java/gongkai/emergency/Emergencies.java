package gongkai.emergency;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import gongkai.catalog.Catalog;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordHeadline;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.DisclosureEventOccurred;
import gongkai.shared.FormText;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicPagesChanged;
import gongkai.shared.Role;
import gongkai.shared.UnsafeCharacters;

/**
 * Declared emergencies (突发事件) and their public timelines. A response body's APPROVER (or the city office's ADMIN)
 * declares one with its kind, area and responsible bodies, and the warnings that belong to it; declaring opens the
 * lead body's obligation to publish the response (the kind's event item, see {@link EmergencyKind}). The responsible
 * bodies then post updates; each is a disclosure record that goes through 三审 like any other, or, when urgent, is
 * published at once under the {@link FastPath} rule that warnings follow and confirmed afterwards by a second person.
 * The timeline shows what is published; damage figures and needs are kept structured beside their records so the page
 * can show the figures over time and what is needed now.
 */
@Service
@Transactional
public class Emergencies {

    /** A figure a damage update may report, with its unit. */
    public record Figure(String name, String unit) {
    }

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final int MAX_NEEDS = 50;

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final FastPath fastPath;
    private final Warnings warnings;
    private final Drafting drafting;
    private final Publishing publishing;
    private final Records records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final List<Figure> figures;
    private final Catalog catalog;

    Emergencies(JdbcTemplate jdbc, Regions regions, Organisations organisations, FastPath fastPath, Warnings warnings,
            Drafting drafting, Publishing publishing, Records records, ApplicationEventPublisher events, Clock clock,
            JsonMapper json, Catalog catalog,
            @Value("${gongkai.emergency.figures:受灾人口:人,紧急转移安置人口:人,需紧急生活救助人口:人,因灾死亡人口:人,因灾失踪人口:人,"
                    + "倒塌房屋:间,严重损坏房屋:间,农作物受灾面积:公顷,直接经济损失:万元}") List<String> figures) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.fastPath = fastPath;
        this.warnings = warnings;
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.catalog = catalog;
        this.figures = figures.stream().map(String::strip).filter(f -> !f.isEmpty()).map(f -> {
            int colon = f.indexOf(':');
            return colon < 0 ? new Figure(f, "") : new Figure(f.substring(0, colon).strip(), f.substring(colon + 1)
                    .strip());
        }).toList();
    }

    /** The same service reading time from another clock: the demo declares and ends its flood as of the past. */
    Emergencies at(Clock other) {
        return new Emergencies(jdbc, regions, organisations, fastPath, warnings, drafting, publishing, records, events,
                other, json, catalog, figures.stream().map(f -> f.name() + ":" + f.unit()).toList());
    }

    /** The figures a damage update may report, in the configured order ({@code gongkai.emergency.figures}). */
    @Transactional(readOnly = true)
    public List<Figure> figures() {
        return figures;
    }

    // ---- who may do what: one answer for pages and API alike

    /** A response body's APPROVER, or the city office's ADMIN. */
    public boolean mayDeclare(Actor actor) {
        return fastPath.mayPublishAtOnce(actor) || (actor != null && actor.cityWide() && actor.has(Role.ADMIN));
    }

    /** Staff of a responsible body (editors write, reviewers and approvers follow), or the city office. */
    public boolean mayWorkOn(Actor actor, Emergency e) {
        return actor != null && (actor.cityWide() || (actor.orgCode() != null
                && e.bodyCodes().contains(actor.orgCode()) && (actor.has(Role.EDITOR) || actor.has(Role.REVIEWER)
                        || actor.has(Role.APPROVER))));
    }

    /** An EDITOR of a responsible body posts through 三审; see {@link #mayPostUrgently}. */
    public boolean mayPost(Actor actor, Emergency e) {
        return actor != null && actor.orgCode() != null && e.bodyCodes().contains(actor.orgCode())
                && actor.has(Role.EDITOR);
    }

    /** A responsible body's member whom the fast path allows to publish at once. */
    public boolean mayPostUrgently(Actor actor, Emergency e) {
        return actor != null && e.bodyCodes().contains(actor.orgCode()) && fastPath.mayPublishAtOnce(actor);
    }

    /** The lead body's APPROVER, or the city office's ADMIN, while the response has not ended. */
    public boolean mayEnd(Actor actor, Emergency e) {
        return actor != null && !e.ended() && (actor.canActFor(e.leadOrg(), Role.APPROVER)
                || (actor.cityWide() && actor.has(Role.ADMIN)));
    }

    /** Whether the back office offers the actor the emergencies desk: declarers, response bodies' staff, bodies. */
    @Transactional(readOnly = true)
    public boolean mayOpenDesk(Actor actor) {
        if (actor == null || actor.isResident()) {
            return false;
        }
        return mayDeclare(actor) || fastPath.mayOpenDesk(actor) || (actor.orgCode() != null
                && (actor.has(Role.EDITOR) || actor.has(Role.REVIEWER) || actor.has(Role.APPROVER))
                && jdbc.queryForObject("SELECT COUNT(*) FROM emergency_body WHERE org_code = ?", Integer.class,
                        actor.orgCode()) > 0);
    }

    public boolean mayConfirm(Actor actor, EmergencyUpdate u) {
        return u.urgent() && fastPath.confirmRefusal(actor, u.org(), u.createdBy(), u.confirmedBy(), "紧急动态") == null;
    }

    // ---- declaring and ending

    /** Declares an emergency; returns its id. */
    public long declare(NewEmergency in) {
        Actor actor = Actor.require();
        if (!mayDeclare(actor)) {
            throw new AccessDeniedProblem(fastPath.publishRefusal(actor, "登记突发事件") .replace("。", "，或由市政府办公室管理员登记。"));
        }
        return declare(in, actor, false);
    }

    long declare(NewEmergency in, Actor actor, boolean demo) {
        Organisation lead = organisations.get(actor.orgCode());
        List<FieldError> errors = new ArrayList<>();
        EmergencyKind kind = null;
        String kindText = strip(in.kind());
        if (kindText == null) {
            errors.add(new FieldError("kind", "请选择事件类型。"));
        } else {
            try {
                kind = EmergencyKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "事件类型“" + kindText + "”无效，应为 NATURAL_DISASTER（自然灾害）、"
                        + "ACCIDENT（事故灾难）、PUBLIC_HEALTH（公共卫生事件）或 ENVIRONMENTAL（突发环境事件）。"));
            }
        }
        String title = FormText.required(errors, "title", "事件名称", in.title(), 200);
        String summary = FormText.required(errors, "summary", "事件概况", in.summary(), 4000);
        Instant occurred = time(in.occurredAt(), "occurredAt", "发生时间", errors);
        if (occurred != null && occurred.isAfter(clock.instant())) {
            errors.add(new FieldError("occurredAt", "发生时间不能晚于现在。"));
        }
        Set<String> leadArea = lead.regionCode() == null || actor.cityWide()
                ? regions.selfAndDescendants(cityCode()) : regions.selfAndDescendants(lead
                        .regionCode());
        List<String> areas = AreaInput.read(in.areas(), regions, leadArea, lead.name(), "事件区域", errors);
        Set<String> bodies = new LinkedHashSet<>();
        bodies.add(lead.code());
        for (String raw : in.bodies()) {
            String code = strip(raw);
            if (code == null) {
                continue;
            }
            Optional<Organisation> org = organisations.find(code);
            if (org.isEmpty()) {
                errors.add(new FieldError("bodies", "没有代码为“" + code + "”的机构。"));
            } else if (org.get().kind() == OrganisationKind.ENTERPRISE) {
                errors.add(new FieldError("bodies", "“" + org.get().name() + "”是企业，不能作为负责发布的机构。"));
            } else {
                bodies.add(code);
            }
        }
        Set<Long> sequences = new LinkedHashSet<>();
        for (Long w : in.warnings()) {
            if (w == null) {
                continue;
            }
            try {
                sequences.add(warnings.get(w).originalId());
            } catch (NotFoundProblem e) {
                errors.add(new FieldError("warnings", "没有编号为" + w + "的预警。"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        final EmergencyKind k = kind;
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO emergency (kind, title, summary, lead_org, occurred_at, "
                    + "declared_at, declared_by, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, k.name());
            ps.setString(2, title);
            ps.setString(3, summary);
            ps.setString(4, lead.code());
            ps.setTimestamp(5, Timestamp.from(occurred));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, actor.username());
            ps.setBoolean(8, demo);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        int position = 0;
        for (String code : areas) {
            jdbc.update("INSERT INTO emergency_area (emergency_id, position, region_code) VALUES (?, ?, ?)", id,
                    position++, code);
        }
        position = 0;
        for (String code : bodies) {
            jdbc.update("INSERT INTO emergency_body (emergency_id, position, org_code) VALUES (?, ?, ?)", id,
                    position++, code);
        }
        for (long w : sequences) {
            jdbc.update("INSERT INTO emergency_warning (emergency_id, warning_id) VALUES (?, ?)", id, w);
        }
        events.publishEvent(new AuditedChange("emergency.declare", "emergency", Long.toString(id),
                "登记突发事件：" + title));
        events.publishEvent(new DisclosureEventOccurred(lead.code(), kind.responseItem(),
                occurred.atZone(PlatformConfiguration.CHINA).toLocalDate(), title, "emergency:" + id));
        events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.EVERYTHING));
        return id;
    }

    /** Ends the emergency response (应急响应结束); recovery updates may still follow. */
    public Emergency end(long id, String statement) {
        return end(id, statement, Actor.require());
    }

    Emergency end(long id, String statement, Actor actor) {
        Emergency e = get(id);
        if (e.ended()) {
            throw new ConflictProblem("该突发事件的应急响应已于" + shown(e.endedAt()) + "结束。");
        }
        if (!mayEnd(actor, e)) {
            throw new AccessDeniedProblem("只有" + e.leadName() + "的审批人员或市政府办公室管理员可以宣布应急响应结束。");
        }
        List<FieldError> errors = new ArrayList<>();
        String s = FormText.required(errors, "statement", "结束说明", statement, 1000);
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        jdbc.update("UPDATE emergency SET ended_at = ?, ended_by = ?, end_statement = ? WHERE id = ? "
                + "AND ended_at IS NULL", Timestamp.from(clock.instant()), actor.username(), s, id);
        events.publishEvent(new AuditedChange("emergency.end", "emergency", Long.toString(id),
                "应急响应结束：" + e.title() + "。" + s));
        events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.EVERYTHING));
        return get(id);
    }

    // ---- the timeline

    /**
     * Posts an update: written as a record of the kind's catalogue item and submitted to review, or, when urgent,
     * published at once (the {@link FastPath}) to be confirmed by a second person. Returns the update's id.
     */
    public long post(long emergencyId, NewEmergencyUpdate in) {
        return post(emergencyId, in, Actor.require(), false);
    }

    long post(long emergencyId, NewEmergencyUpdate in, Actor actor, boolean demo) {
        Emergency e = get(emergencyId);
        if (in.urgent()) {
            if (!e.bodyCodes().contains(actor.orgCode())) {
                throw new AccessDeniedProblem("只有负责该事件信息发布的机构可以发布动态。");
            }
            String refusal = fastPath.publishRefusal(actor, "紧急发布动态（免三审）");
            if (refusal != null) {
                throw new AccessDeniedProblem(refusal + "其他人员请按三审程序提交。");
            }
        } else if (!mayPost(actor, e)) {
            throw new AccessDeniedProblem("只有负责该事件信息发布的机构（" + e.bodies().stream().map(Emergency.Body::name)
                    .collect(Collectors.joining("、")) + "）的信息员可以撰写动态。");
        }
        Valid v = valid(e, in);
        Organisation org = organisations.get(actor.orgCode());
        String region = org.regionCode() == null ? cityCode() : org.regionCode();
        RecordInput input = new RecordInput(itemFor(v.kind, e.kind(), org), org.code(), region, v.title, summaryOf(v.text),
                null, LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)), body(e, v), List.of(e.title(),
                        v.kind.label()), "public", null, null, null, null, null, null, v.period);
        long recordId;
        if (in.urgent()) {
            var approval = publishing.publishAtOnce(input, "突发事件“" + e.title() + "”紧急动态（" + v.kind.label() + "）",
                    demo);
            recordId = records.idOf(approval.ref()).orElseThrow();
        } else {
            String ref = drafting.create(input, demo);
            publishing.submit(ref);
            recordId = records.idOf(ref).orElseThrow();
        }
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO emergency_update (emergency_id, kind, record_id, org_code, "
                    + "as_of, period, figures, needs, urgent, created_at, created_by) VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, emergencyId);
            ps.setString(2, v.kind.name());
            ps.setLong(3, recordId);
            ps.setString(4, org.code());
            ps.setTimestamp(5, Timestamp.from(v.asOf));
            ps.setString(6, v.period);
            ps.setString(7, v.figures.isEmpty() ? null : write(v.figures));
            ps.setString(8, v.kind == UpdateKind.NEEDS ? write(v.needs) : null);
            ps.setBoolean(9, in.urgent());
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setString(11, actor.username());
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        events.publishEvent(new AuditedChange(in.urgent() ? "emergency.update-urgent" : "emergency.update",
                "emergency", emergencyId + "/" + id, (in.urgent() ? "紧急发布动态：" : "提交动态送审：") + v.title));
        if (in.urgent()) {
            events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.EVERYTHING));
        }
        return id;
    }

    /** A second person of the body confirms an update published at once. */
    public EmergencyUpdate confirm(long emergencyId, long updateId) {
        Actor actor = Actor.require();
        EmergencyUpdate u = update(emergencyId, updateId);
        if (!u.urgent()) {
            throw new ConflictProblem("该动态经三审发布，无需复核确认。");
        }
        String refusal = fastPath.confirmRefusal(actor, u.org(), u.createdBy(), u.confirmedBy(), "紧急动态");
        if (refusal != null) {
            if (u.confirmedBy() != null) {
                throw new ConflictProblem(refusal);
            }
            throw new AccessDeniedProblem(refusal);
        }
        jdbc.update("UPDATE emergency_update SET confirmed_at = ?, confirmed_by = ? WHERE id = ?",
                Timestamp.from(clock.instant()), actor.username(), updateId);
        publishing.confirmFastTrack(u.recordRef(), "");
        events.publishEvent(new AuditedChange("emergency.confirm", "emergency", emergencyId + "/" + updateId,
                "复核确认紧急动态：" + u.title()));
        return update(emergencyId, updateId);
    }

    private record Valid(UpdateKind kind, String title, String text, Instant asOf, String period,
            Map<String, BigDecimal> figures, List<NewEmergencyUpdate.Need> needs) {
    }

    private Valid valid(Emergency e, NewEmergencyUpdate in) {
        List<FieldError> errors = new ArrayList<>();
        UpdateKind kind = null;
        String kindText = strip(in.kind());
        if (kindText == null) {
            errors.add(new FieldError("kind", "请选择动态类别。"));
        } else {
            try {
                kind = UpdateKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException x) {
                errors.add(new FieldError("kind", "动态类别“" + kindText + "”无效，应为 RESPONSE、MEDICAL、SECONDARY、DAMAGE、"
                        + "NEEDS 或 RECOVERY。"));
            }
        }
        if (kind != null && e.ended() && kind != UpdateKind.RECOVERY && kind != UpdateKind.DAMAGE) {
            errors.add(new FieldError("kind", "应急响应已结束，只能发布受灾情况（核定）和恢复重建进展。"));
        }
        String title = FormText.required(errors, "title", "标题", in.title(), 200);
        String body = FormText.required(errors, "text", "正文", in.text(), 20000);
        Instant asOf = clock.instant();
        if (strip(in.asOf()) != null) {
            asOf = time(in.asOf(), "asOf", "情况截至时间", errors);
            if (asOf != null && asOf.isAfter(clock.instant())) {
                errors.add(new FieldError("asOf", "情况截至时间不能晚于现在。"));
            }
        }
        String period = strip(in.period());
        if (kind == UpdateKind.RECOVERY) {
            if (period == null) {
                errors.add(new FieldError("period", "恢复重建进展按月发布，请填写所属月份，例如 2026-07。"));
            } else {
                try {
                    YearMonth month = YearMonth.parse(period);
                    if (month.isAfter(YearMonth.now(clock.withZone(PlatformConfiguration.CHINA)))) {
                        errors.add(new FieldError("period", "所属月份" + period + "尚未开始。"));
                    }
                    period = month.toString();
                } catch (DateTimeParseException x) {
                    errors.add(new FieldError("period", "所属月份“" + period + "”格式无效，应如 2026-07。"));
                }
            }
        } else if (period != null) {
            errors.add(new FieldError("period", "只有恢复重建进展按月填写所属月份。"));
            period = null;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Set<String> known = figures.stream().map(Figure::name).collect(Collectors.toSet());
        for (Map.Entry<String, String> f : in.figures().entrySet()) {
            String value = strip(f.getValue());
            if (value == null) {
                continue;
            }
            String name = strip(f.getKey());
            if (name == null || !known.contains(name)) {
                errors.add(new FieldError("figures", "统计项“" + f.getKey() + "”不在可填范围内（" + figures.stream()
                        .map(Figure::name).collect(Collectors.joining("、")) + "）。"));
            } else if (!DECIMAL.matcher(value).matches()) {
                errors.add(new FieldError("figures", "“" + name + "”应为不小于0的数字（最多两位小数），而不是“" + value + "”。"));
            } else {
                values.put(name, new BigDecimal(value));
            }
        }
        if (!values.isEmpty() && kind != null && kind != UpdateKind.DAMAGE) {
            errors.add(new FieldError("figures", "统计数字只在“受灾情况”动态中填写。"));
        }
        if (kind == UpdateKind.DAMAGE && values.isEmpty()) {
            errors.add(new FieldError("figures", "受灾情况动态请至少填写一项统计数字。"));
        }
        List<NewEmergencyUpdate.Need> needs = new ArrayList<>();
        int line = 0;
        for (NewEmergencyUpdate.Need n : in.needs()) {
            line++;
            String item = strip(n.item());
            String quantity = strip(n.quantity());
            String unit = strip(n.unit());
            String note = strip(n.note());
            if (item == null && quantity == null && unit == null && note == null) {
                continue;
            }
            String where = "第" + line + "项需求";
            if (item == null) {
                errors.add(new FieldError("needs", where + "：请填写所需物资或服务。"));
            } else if (item.length() > 100) {
                errors.add(new FieldError("needs", where + "：名称不能超过100个字。"));
            }
            if (quantity != null && (!DECIMAL.matcher(quantity).matches() || new BigDecimal(quantity).signum() == 0)) {
                errors.add(new FieldError("needs", where + "：数量应为大于0的数字，而不是“" + quantity + "”。"));
            }
            if (quantity != null && unit == null) {
                errors.add(new FieldError("needs", where + "：填写了数量，请同时填写单位。"));
            }
            if (unit != null && unit.length() > 20) {
                errors.add(new FieldError("needs", where + "：单位不能超过20个字。"));
            }
            if (note != null && note.length() > 200) {
                errors.add(new FieldError("needs", where + "：说明不能超过200个字。"));
            }
            for (String t : new String[] {item, unit, note}) {
                FieldError unsafe = t == null ? null : UnsafeCharacters.complaint("needs", t);
                if (unsafe != null) {
                    errors.add(unsafe);
                }
            }
            needs.add(new NewEmergencyUpdate.Need(item, quantity, unit, note));
        }
        if (!needs.isEmpty() && kind != null && kind != UpdateKind.NEEDS) {
            errors.add(new FieldError("needs", "需求清单只在“救助需求”动态中填写。"));
        }
        if (needs.size() > MAX_NEEDS) {
            errors.add(new FieldError("needs", "需求清单最多" + MAX_NEEDS + "项。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return new Valid(kind, title, body, asOf, period, values, needs);
    }

    /** The record's body: the text in paragraphs, the figures or needs as a table, and where the timeline is. */
    private String body(Emergency e, Valid v) {
        StringBuilder html = new StringBuilder();
        html.append("<p>情况截至：").append(shown(v.asOf)).append("</p>");
        for (String paragraph : v.text.split("\\R\\s*\\R|\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip())).append("</p>");
            }
        }
        if (!v.figures.isEmpty()) {
            html.append("<table><caption>受灾情况统计</caption><thead><tr><th>统计项</th><th>数值</th><th>单位</th></tr>"
                    + "</thead><tbody>");
            for (Figure f : figures) {
                BigDecimal value = v.figures.get(f.name());
                if (value != null) {
                    html.append("<tr><td>").append(HtmlUtils.htmlEscape(f.name())).append("</td><td>")
                            .append(value.toPlainString()).append("</td><td>").append(HtmlUtils.htmlEscape(f.unit()))
                            .append("</td></tr>");
                }
            }
            html.append("</tbody></table>");
        }
        if (v.kind == UpdateKind.NEEDS) {
            if (v.needs.isEmpty()) {
                html.append("<p>目前没有待满足的救助需求。</p>");
            } else {
                html.append("<table><caption>当前救助需求</caption><thead><tr><th>物资或服务</th><th>数量</th><th>单位</th>"
                        + "<th>说明</th></tr></thead><tbody>");
                for (NewEmergencyUpdate.Need n : v.needs) {
                    html.append("<tr><td>").append(escape(n.item())).append("</td><td>").append(escape(n.quantity()))
                            .append("</td><td>").append(escape(n.unit())).append("</td><td>").append(escape(n.note()))
                            .append("</td></tr>");
                }
                html.append("</tbody></table>");
            }
        }
        html.append("<p>本条为突发事件“").append(HtmlUtils.htmlEscape(e.title())).append("”的动态，事件全过程见<a href=\"/emergencies/")
                .append(e.id()).append("\">事件页面</a>。</p>");
        return html.toString();
    }

    /**
     * The catalogue item the update is published under: the kind's, or for a medical update by a body that does not
     * own it, 突发公共卫生事件应对处置 (the health commission's item). When the body owns neither, the entry check
     * names the problem.
     */
    private String itemFor(UpdateKind kind, EmergencyKind emergency, Organisation org) {
        List<String> candidates = kind == UpdateKind.MEDICAL ? List.of(kind.item(emergency), "he-emergency")
                : List.of(kind.item(emergency));
        return candidates.stream().filter(code -> catalog.item(code).map(i -> i.ownedBy(org)).orElse(false))
                .findFirst().orElse(candidates.get(0));
    }

    /** The top of the region tree, the city. */
    private String cityCode() {
        return regions.all().stream().filter(r -> r.parentCode() == null).map(r -> r.code()).findFirst()
                .orElseThrow();
    }

    private static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }

    private static String summaryOf(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Emergency get(long id) {
        List<Emergency> found = query("WHERE id = ?", id);
        if (found.isEmpty()) {
            throw new NotFoundProblem("没有编号为" + id + "的突发事件。");
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    public Optional<Emergency> find(long id) {
        return query("WHERE id = ?", id).stream().findFirst();
    }

    /** Every emergency, those still in response first, then the newest. */
    @Transactional(readOnly = true)
    public List<Emergency> all() {
        return query("ORDER BY CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END, occurred_at DESC, id DESC");
    }

    /** The emergency a warning sequence belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Emergency> ofWarning(long warningId) {
        long original = warnings.get(warningId).originalId();
        List<Long> ids = jdbc.queryForList("SELECT emergency_id FROM emergency_warning WHERE warning_id = ? "
                + "ORDER BY emergency_id DESC", Long.class, original);
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }

    /**
     * The timeline, newest first: for the public only what is published and open to everyone; for staff who work
     * on it ({@code staffView}) every update with where it stands.
     */
    @Transactional(readOnly = true)
    public List<EmergencyUpdate> timeline(long emergencyId, boolean staffView) {
        get(emergencyId);
        List<UpdateRow> rows = jdbc.query("SELECT * FROM emergency_update WHERE emergency_id = ? "
                + "ORDER BY as_of DESC, id DESC", (rs, n) -> updateRow(rs), emergencyId);
        Map<Long, RecordHeadline> heads = records.headlines(rows.stream().map(UpdateRow::recordId).toList());
        Map<String, String> orgNames = organisations.namesByCode();
        List<EmergencyUpdate> out = new ArrayList<>();
        for (UpdateRow r : rows) {
            RecordHeadline h = heads.get(r.recordId);
            if (h == null || (!staffView && !h.open())) {
                continue;
            }
            out.add(new EmergencyUpdate(r.id, r.emergencyId, r.kind, h.ref(), h.indexNo(), h.status(), h.open(),
                    h.title(), h.summary(), r.org, orgNames.getOrDefault(r.org, r.org), r.asOf, r.period,
                    readFigures(r.figures), readNeeds(r.needs), r.urgent, r.createdAt, r.createdBy, r.confirmedAt,
                    r.confirmedBy));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public EmergencyUpdate update(long emergencyId, long updateId) {
        return timeline(emergencyId, true).stream().filter(u -> u.id() == updateId).findFirst()
                .orElseThrow(() -> new NotFoundProblem("突发事件" + emergencyId + "没有编号为" + updateId + "的动态。"));
    }

    /** What is needed now: the latest published needs update, which lists everything still needed; empty if none. */
    @Transactional(readOnly = true)
    public Optional<EmergencyUpdate> currentNeeds(long emergencyId) {
        return timeline(emergencyId, false).stream().filter(u -> u.kind() == UpdateKind.NEEDS).findFirst();
    }

    /** The published damage updates, oldest first: the figures over time. */
    @Transactional(readOnly = true)
    public List<EmergencyUpdate> figureSeries(long emergencyId) {
        List<EmergencyUpdate> series = new ArrayList<>(timeline(emergencyId, false).stream()
                .filter(u -> u.kind() == UpdateKind.DAMAGE && !u.figures().isEmpty()).toList());
        series.sort(Comparator.comparing(EmergencyUpdate::asOf).thenComparing(EmergencyUpdate::id));
        return series;
    }

    /** Urgent updates nobody has confirmed yet, of the bodies the actor works for. */
    @Transactional(readOnly = true)
    public List<EmergencyUpdate> awaitingConfirmation(Actor actor) {
        List<Long> ids = jdbc.queryForList("SELECT DISTINCT emergency_id FROM emergency_update WHERE urgent AND "
                + "confirmed_at IS NULL", Long.class);
        List<EmergencyUpdate> out = new ArrayList<>();
        for (long id : ids) {
            timeline(id, true).stream().filter(EmergencyUpdate::awaitingConfirmation)
                    .filter(u -> actor.canActFor(u.org())).forEach(out::add);
        }
        return out;
    }

    // ---- rows

    private record UpdateRow(long id, long emergencyId, UpdateKind kind, long recordId, String org, Instant asOf,
            String period, String figures, String needs, boolean urgent, Instant createdAt, String createdBy,
            Instant confirmedAt, String confirmedBy) {
    }

    private static UpdateRow updateRow(ResultSet rs) throws SQLException {
        return new UpdateRow(rs.getLong("id"), rs.getLong("emergency_id"), UpdateKind.valueOf(rs.getString("kind")),
                rs.getLong("record_id"), rs.getString("org_code"), rs.getTimestamp("as_of").toInstant(),
                rs.getString("period"), rs.getString("figures"), rs.getString("needs"), rs.getBoolean("urgent"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), instant(rs, "confirmed_at"),
                rs.getString("confirmed_by"));
    }

    private List<Emergency> query(String where, Object... args) {
        record Row(long id, EmergencyKind kind, String title, String summary, String lead, Instant occurred,
                Instant declared, String declaredBy, Instant ended, String endedBy, String statement, boolean demo) {
        }
        List<Row> rows = jdbc.query("SELECT * FROM emergency " + where, (rs, n) -> new Row(rs.getLong("id"),
                EmergencyKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("summary"),
                rs.getString("lead_org"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("declared_at").toInstant(), rs.getString("declared_by"), instant(rs, "ended_at"),
                rs.getString("ended_by"), rs.getString("end_statement"), rs.getBoolean("demo")), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = rows.stream().map(r -> Long.toString(r.id)).collect(Collectors.joining(","));
        Map<Long, List<String>> areas = grouped("SELECT emergency_id, region_code FROM emergency_area WHERE "
                + "emergency_id IN (" + ids + ") ORDER BY emergency_id, position");
        Map<Long, List<String>> bodies = grouped("SELECT emergency_id, org_code FROM emergency_body WHERE "
                + "emergency_id IN (" + ids + ") ORDER BY emergency_id, position");
        Map<Long, List<String>> linked = grouped("SELECT emergency_id, warning_id FROM emergency_warning WHERE "
                + "emergency_id IN (" + ids + ") ORDER BY emergency_id, warning_id");
        Map<String, String> regionNames = regions.namesByCode();
        Map<String, String> orgNames = organisations.namesByCode();
        return rows.stream().map(r -> new Emergency(r.id, r.kind, r.title, r.summary, r.lead,
                orgNames.getOrDefault(r.lead, r.lead), r.occurred, r.declared, r.declaredBy, r.ended, r.endedBy,
                r.statement, areas.getOrDefault(r.id, List.of()).stream()
                        .map(c -> new Warning.Area(c, regionNames.getOrDefault(c, c))).toList(),
                bodies.getOrDefault(r.id, List.of()).stream()
                        .map(c -> new Emergency.Body(c, orgNames.getOrDefault(c, c))).toList(),
                linked.getOrDefault(r.id, List.of()).stream().map(Long::valueOf).toList(), r.demo)).toList();
    }

    private Map<Long, List<String>> grouped(String sql) {
        Map<Long, List<String>> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return out;
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private Map<String, BigDecimal> readFigures(String text) {
        if (text == null) {
            return Map.of();
        }
        return json.readValue(text, new TypeReference<LinkedHashMap<String, BigDecimal>>() { });
    }

    private List<NewEmergencyUpdate.Need> readNeeds(String text) {
        if (text == null) {
            return List.of();
        }
        return json.readValue(text, new TypeReference<List<NewEmergencyUpdate.Need>>() { });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A moment as pages show it, in Beijing time. */
    public static String shown(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, PlatformConfiguration.CHINA).toString().replace('T', ' ')
                .substring(0, 16);
    }


    private static Instant time(String text, String field, String label, List<FieldError> errors) {
        return Warnings.time(text, field, label, errors);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
