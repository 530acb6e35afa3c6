package gongkai.environment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import gongkai.account.AuditTrail;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.environment.internal.PlatformDrafting;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.RequestOrigin;
import gongkai.shared.Role;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The EIA cases (建设项目环境影响评价“三公开”) of the environment office ({@code gongkai.environment.office}): its
 * EDITORs open a case and post its notices; each notice is drafted by the platform as a record of {@code en-eia} with
 * the item's fields filled and submitted into 三审, so it gets its 索引号 and enters the transparency log when people
 * approve it. Comment periods are working days per stage ({@code gongkai.environment.eia.comment-days.*}); the public
 * comments while a published notice's period runs, limited per address like the request form.
 */
@Service
@Transactional
public class EiaCases {

    public static final String ITEM = "en-eia";

    private final JdbcTemplate jdbc;
    private final PlatformDrafting platform;
    private final Records records;
    private final WorkingDayCalendar calendar;
    private final Regions regions;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final String office;
    private final boolean demo;
    private final Map<EiaStage, Integer> commentDays = new EnumMap<>(EiaStage.class);
    private final int maxCommentsPerAddress;
    private final Duration commentWindow;

    EiaCases(JdbcTemplate jdbc, PlatformDrafting platform, Records records,
            WorkingDayCalendar calendar, Regions regions, Organisations organisations, AuditTrail audit,
            Validator validator, Clock clock, GongkaiProperties properties,
            @Value("${gongkai.environment.office:ycshbj}") String office,
            @Value("${gongkai.environment.eia.comment-days.acceptance:10}") int acceptanceDays,
            @Value("${gongkai.environment.eia.comment-days.approval:5}") int approvalDays,
            @Value("${gongkai.environment.eia.comment-days.post-approval:0}") int postApprovalDays,
            @Value("${gongkai.environment.eia.comments.max-per-address:5}") int maxCommentsPerAddress,
            @Value("${gongkai.environment.eia.comments.address-window:1h}") Duration commentWindow) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.records = records;
        this.calendar = calendar;
        this.regions = regions;
        this.organisations = organisations;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.office = office;
        this.demo = properties.demo();
        if (acceptanceDays < 0 || approvalDays < 0 || postApprovalDays < 0) {
            throw new IllegalStateException("gongkai.environment.eia.comment-days.* must not be negative");
        }
        commentDays.put(EiaStage.ACCEPTANCE, acceptanceDays);
        commentDays.put(EiaStage.APPROVAL, approvalDays);
        commentDays.put(EiaStage.POST_APPROVAL, postApprovalDays);
        this.maxCommentsPerAddress = maxCommentsPerAddress;
        this.commentWindow = commentWindow;
    }

    /** The configured comment period of a stage, in working days. */
    @Transactional(readOnly = true)
    public int commentDays(EiaStage stage) {
        return commentDays.get(stage);
    }

    /**
     * The last day of a comment period of {@code days} working days starting on {@code start} (the start counts when
     * it is a working day; holidays and 调休 working days as the calendar has them); the start itself for 0 days.
     */
    @Transactional(readOnly = true)
    public LocalDate periodEnd(LocalDate start, int days) {
        return days == 0 ? start : calendar.nthWorkingDayAfter(start.minusDays(1), days);
    }

    /** Whether the actor may open cases and post notices: an EDITOR of the environment office. */
    public boolean mayManage(Actor actor) {
        return actor != null && actor.canActFor(office, Role.EDITOR);
    }

    /** Whether the actor may read the comments: staff of the environment office. */
    public boolean mayReadComments(Actor actor) {
        return actor != null && actor.canActFor(office);
    }

    /** The organisations that may be named as 审批部门: the environment office and the county governments. */
    @Transactional(readOnly = true)
    public List<Organisation> approvers() {
        return organisations.all().stream().filter(o -> o.code().equals(office)
                || o.kind() == OrganisationKind.COUNTY_GOVERNMENT).toList();
    }

    /** The regions a project may be located in: the counties, county-level cities and districts. */
    @Transactional(readOnly = true)
    public List<Region> counties() {
        return regions.countyLevel();
    }

    /** Opens a case; its id. */
    public long create(NewEiaCase in) {
        Actor actor = requireManager();
        List<FieldError> errors = new ArrayList<>();
        validator.validate(in).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (in.regionCode() != null && !in.regionCode().isBlank()
                && counties().stream().noneMatch(r -> r.code().equals(in.regionCode().strip()))) {
            errors.add(new FieldError("regionCode", "建设地点所在区划应为本市的县（市、区），而不是“" + in.regionCode() + "”。"));
        }
        if (in.approverOrg() != null && !in.approverOrg().isBlank()
                && approvers().stream().noneMatch(o -> o.code().equals(in.approverOrg().strip()))) {
            errors.add(new FieldError("approverOrg", "审批部门应为市生态环境主管部门或县级人民政府，而不是“" + in.approverOrg() + "”。"));
        }
        EiaDocumentType type = null;
        if (in.documentType() != null && !in.documentType().isBlank()) {
            type = java.util.Arrays.stream(EiaDocumentType.values())
                    .filter(t -> t.name().equalsIgnoreCase(in.documentType().strip())
                            || t.label().equals(in.documentType().strip()))
                    .findFirst().orElse(null);
            if (type == null) {
                errors.add(new FieldError("documentType", "环评文件类型只能是 REPORT（环境影响报告书）或 FORM（环境影响报告表）。"));
            }
        }
        if (in.receivedOn() != null && in.receivedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("receivedOn", "受理日期不能晚于今天。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        String[] values = {in.projectName().strip(), in.developer().strip(), in.regionCode().strip(),
                in.location().strip(), in.eiaAgency().strip(), in.approverOrg().strip(), type.name()};
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO eia_case (project_name, developer, region_code, location, "
                    + "eia_agency, approver_org, document_type, received_on, demo, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.setObject(8, in.receivedOn());
            ps.setBoolean(9, demo);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.setString(11, actor.username());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        audit.record("eia.create", "eia_case", String.valueOf(id), "新建环评项目：" + in.projectName().strip());
        return id;
    }

    /**
     * Posts the next notice of a case: the case checks the order, the dates and the stage's input; the platform then
     * drafts the record and submits it for review. Returns the record's draft key.
     */
    public String post(long caseId, EiaStage stage, EiaNoticeInput in) {
        requireManager();
        List<FieldError> errors = new ArrayList<>();
        validator.validate(in).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        EiaCase c = require(caseId);
        LocalDate today = LocalDate.now(clock);
        int days = commentDays.get(stage);
        LocalDate end = periodEnd(in.startsOn(), days);
        // The case accepts or refuses the notice before any record is drafted.
        EiaCase.Notice notice = c.post(stage, in, days, end, today);
        String ref = record(c, notice, today, Actor.require().username());
        audit.record("eia.post", "eia_case", String.valueOf(caseId), stage.label() + "：" + c.projectName() + "，公示期"
                + notice.startsOn() + "至" + end + "，记录" + ref + "已提交审核");
        return ref;
    }

    /**
     * Drafts the notice's record as the platform, submits it for review and keeps the notice with the record's key.
     * The case's guard has been asked by the caller (the demo's history is written through here too).
     */
    String record(EiaCase c, EiaCase.Notice n, LocalDate writtenOn, String by) {
        String ref = draftRecord(c, n, writtenOn);
        jdbc.update("INSERT INTO eia_stage (case_id, stage, notice, starts_on, comment_days, ends_on, decision, "
                + "approval_no, record_ref, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(),
                n.stage().name(), n.text(), n.startsOn(), n.commentDays(), n.endsOn(),
                n.decision() == null ? null : n.decision().name(), n.approvalNo(), ref,
                Timestamp.from(clock.instant()), by);
        return ref;
    }

    /** Records the summary of how the comments were taken into account; public with the 批后公告. */
    public void respond(long caseId, String summary) {
        requireManager();
        EiaCase c = require(caseId);
        c.respond(summary);
        jdbc.update("UPDATE eia_case SET response_summary = ? WHERE id = ?", c.responseSummary(), caseId);
        audit.record("eia.respond", "eia_case", String.valueOf(caseId), "记录公众意见采纳情况");
    }

    /**
     * A comment from the public: refused outside an open comment period and when the sender's address has sent too
     * many lately. Returns the stage it was taken for.
     */
    public EiaStage comment(long caseId, NewEiaComment in) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(in).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        EiaCase c = require(caseId);
        EiaStage stage = c.commentStage(LocalDate.now(clock));
        String address = Objects.requireNonNullElse(RequestOrigin.remoteAddress(), "local");
        Instant now = Instant.now();
        Long recent = jdbc.queryForObject("SELECT COUNT(*) FROM eia_comment WHERE submitted_from = ? AND received_at > ?",
                Long.class, address, Timestamp.from(now.minus(commentWindow)));
        if (recent != null && recent >= maxCommentsPerAddress) {
            throw new TooManyRequestsProblem("从您的网络地址提交的意见过多，请" + minutes(commentWindow)
                    + "后再试；也可以按公示中的联系方式以信函、电子邮件等方式提出意见。");
        }
        jdbc.update("INSERT INTO eia_comment (case_id, stage, author_name, contact, body, received_at, submitted_from, "
                + "demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseId, stage.name(), blankToNull(in.name()),
                blankToNull(in.contact()), in.text().strip(), Timestamp.from(now), address, c.demo());
        return stage;
    }

    /** The comments of a case, for the environment office's staff. */
    @Transactional(readOnly = true)
    public List<EiaComment> comments(long caseId) {
        if (!mayReadComments(Actor.current().orElse(null))) {
            throw new AccessDeniedProblem("只有环境保护部门的工作人员可以查看公众意见。");
        }
        require(caseId);
        return jdbc.query("SELECT * FROM eia_comment WHERE case_id = ? ORDER BY received_at, id",
                (rs, i) -> new EiaComment(rs.getLong("id"), EiaStage.valueOf(rs.getString("stage")),
                        rs.getString("author_name"), rs.getString("contact"), rs.getString("body"),
                        rs.getTimestamp("received_at").toInstant(), rs.getBoolean("demo")), caseId);
    }

    /** The case with the state of its records. */
    @Transactional(readOnly = true)
    public EiaCase require(long id) {
        return find(id).orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的环评项目。"));
    }

    @Transactional(readOnly = true)
    public Optional<EiaCase> find(long id) {
        List<EiaCase> found = jdbc.query("SELECT * FROM eia_case WHERE id = ?", (rs, i) -> new EiaCase(
                rs.getLong("id"), rs.getString("project_name"), rs.getString("developer"),
                rs.getString("region_code"), rs.getString("location"), rs.getString("eia_agency"),
                rs.getString("approver_org"), EiaDocumentType.valueOf(rs.getString("document_type")),
                rs.getDate("received_on").toLocalDate(), rs.getBoolean("demo"), rs.getString("response_summary"),
                notices(rs.getLong("id"))), id);
        return found.stream().findFirst();
    }

    private List<EiaCase.Notice> notices(long caseId) {
        return jdbc.query("SELECT * FROM eia_stage WHERE case_id = ?", (rs, i) -> {
            String ref = rs.getString("record_ref");
            Records.ReviewState state = records.reviewState(ref).orElse(null);
            boolean published = state != null && state.firstPublishedAt() != null;
            String decision = rs.getString("decision");
            return new EiaCase.Notice(EiaStage.valueOf(rs.getString("stage")), rs.getString("notice"),
                    rs.getDate("starts_on").toLocalDate(), rs.getInt("comment_days"),
                    rs.getDate("ends_on").toLocalDate(), decision == null ? null : EiaDecision.valueOf(decision),
                    rs.getString("approval_no"), ref, published ? state.indexNo() : null, published);
        }, caseId);
    }

    /** The public view of a case, or not found while none of its notices is published. */
    @Transactional(readOnly = true)
    public EiaCaseView publicView(long id) {
        return find(id).map(c -> view(c, true)).filter(v -> v.stage() != null)
                .orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的已公示环评项目。"));
    }

    /** The staff view of a case: every posted notice, published or not. */
    @Transactional(readOnly = true)
    public EiaCaseView staffView(long id) {
        if (!mayReadComments(Actor.current().orElse(null))) {
            throw new AccessDeniedProblem("只有环境保护部门的工作人员可以管理环评项目。");
        }
        return view(require(id), false);
    }

    /**
     * The cases with a published notice, newest first (by the latest notice's start), optionally only those whose
     * latest published notice is {@code stage} and those located in {@code region} or below it.
     */
    @Transactional(readOnly = true)
    public List<EiaCaseView> published(EiaStage stage, String region) {
        return all(true).stream().filter(v -> v.stage() != null)
                .filter(v -> stage == null || stage.label().equals(v.stage()))
                .filter(v -> inRegion(v.regionCode(), region)).toList();
    }

    /** Every case, for the back office, newest first. */
    @Transactional(readOnly = true)
    public List<EiaCaseView> allForStaff() {
        if (!mayReadComments(Actor.current().orElse(null))) {
            throw new AccessDeniedProblem("只有环境保护部门的工作人员可以管理环评项目。");
        }
        return all(false);
    }

    private List<EiaCaseView> all(boolean publicOnly) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM eia_case ORDER BY id DESC", Long.class);
        List<EiaCaseView> views = new ArrayList<>();
        for (long id : ids) {
            find(id).ifPresent(c -> views.add(view(c, publicOnly)));
        }
        views.sort(java.util.Comparator.comparing(EiaCases::latestStart,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return views;
    }

    private static LocalDate latestStart(EiaCaseView v) {
        return v.stages().stream().filter(EiaCaseView.StageView::posted).map(EiaCaseView.StageView::startsOn)
                .reduce((a, b) -> b).orElse(v.receivedOn());
    }

    private boolean inRegion(String code, String region) {
        if (region == null || region.isBlank()) {
            return true;
        }
        Set<String> within = regions.exists(region) ? regions.selfAndDescendants(region) : Set.of();
        return within.contains(code);
    }

    private EiaCaseView view(EiaCase c, boolean publicOnly) {
        LocalDate today = LocalDate.now(clock);
        Map<EiaStage, Long> counts = new EnumMap<>(EiaStage.class);
        jdbc.query("SELECT stage, COUNT(*) AS n FROM eia_comment WHERE case_id = ? GROUP BY stage",
                rs -> {
                    counts.put(EiaStage.valueOf(rs.getString("stage")), rs.getLong("n"));
                }, c.id());
        List<EiaCaseView.StageView> stages = new ArrayList<>();
        String latest = null;
        for (EiaStage s : EiaStage.values()) {
            EiaCase.Notice n = c.notice(s).filter(x -> !publicOnly || x.published()).orElse(null);
            if (n == null) {
                stages.add(new EiaCaseView.StageView(s.name(), s.label(), false, false, null, null,
                        commentDays.get(s), false, null, null, null, null, counts.getOrDefault(s, 0L)));
                continue;
            }
            latest = s.label();
            stages.add(new EiaCaseView.StageView(s.name(), s.label(), true, n.published(), n.startsOn(), n.endsOn(),
                    n.commentDays(), n.openOn(today), n.text(), n.indexNo(),
                    n.decision() == null ? null : n.decision().label(), n.approvalNo(), counts.getOrDefault(s, 0L)));
        }
        String open = c.openStage(today).map(EiaStage::label).orElse(null);
        return new EiaCaseView(c.id(), c.projectName(), c.developer(), c.regionCode(), regionName(c.regionCode()),
                c.location(), c.eiaAgency(), c.approverOrg(), orgName(c.approverOrg()), c.documentType().label(),
                c.receivedOn(), latest, open, stages, publicOnly ? c.publicResponse() : c.responseSummary(), c.demo());
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    private String orgName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    /** Drafts the stage's record for the office as the platform and submits it for review; its draft key. */
    private String draftRecord(EiaCase c, EiaCase.Notice n, LocalDate writtenOn) {
        EiaStage stage = n.stage();
        LocalDate end = n.endsOn();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("项目名称", c.projectName());
        row.put("建设单位", c.developer());
        row.put("建设地点", regionName(c.regionCode()) + c.location());
        row.put("环评机构", c.eiaAgency());
        row.put("审批部门", orgName(c.approverOrg()));
        row.put("阶段", stage.label());
        row.put("公示起止日期", n.startsOn() + "至" + end);
        if (n.approvalNo() != null) {
            row.put("审批文号", n.approvalNo());
        }
        String title = c.projectName() + "环境影响评价" + stage.label();
        String summary = stage == EiaStage.POST_APPROVAL
                ? c.projectName() + "（" + c.documentType().label() + "）审批决定：" + n.decision().label() + "，"
                        + n.approvalNo() + "。"
                : c.projectName() + "（" + c.documentType().label() + "）" + stage.label() + "，公示期" + n.startsOn()
                        + "至" + end + (n.commentDays() > 0 ? "，期间可提出意见。" : "。");
        RecordInput input = new RecordInput(ITEM, office, c.regionCode(), title, summary,
                n.approvalNo(), writtenOn, body(c, n), List.of("环境影响评价", stage.label()),
                "public", null, null, null, List.of(row), null, null);
        return platform.submit(office, input, demo || c.demo(), List.of());
    }

    private String body(EiaCase c, EiaCase.Notice n) {
        EiaStage stage = n.stage();
        LocalDate end = n.endsOn();
        StringBuilder b = new StringBuilder();
        for (String para : n.text().split("\\R+")) {
            if (!para.isBlank()) {
                b.append("<p>").append(HtmlUtils.htmlEscape(para.strip())).append("</p>\n");
            }
        }
        b.append("<table><tbody>");
        cell(b, "项目名称", c.projectName());
        cell(b, "建设单位", c.developer());
        cell(b, "建设地点", regionName(c.regionCode()) + c.location());
        cell(b, "环评文件类型", c.documentType().label());
        cell(b, "环评机构", c.eiaAgency());
        cell(b, "审批部门", orgName(c.approverOrg()));
        cell(b, "公示起止日期", n.startsOn() + "至" + end);
        if (stage == EiaStage.POST_APPROVAL) {
            cell(b, "审批决定", n.decision().label());
            cell(b, "审批文号", n.approvalNo());
        }
        b.append("</tbody></table>\n");
        if (n.commentDays() > 0) {
            b.append("<p>").append(HtmlUtils.htmlEscape("公示期间（" + n.startsOn() + "至" + end + "，" + n.commentDays()
                    + "个工作日），公众可在本平台该项目页面提交意见。")).append("</p>\n");
        }
        if (stage == EiaStage.POST_APPROVAL) {
            long received = Objects.requireNonNullElse(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM eia_comment WHERE case_id = ?", Long.class, c.id()), 0L);
            b.append("<h2>公众意见采纳情况</h2>\n<p>").append(HtmlUtils.htmlEscape("公示期间共收到公众意见" + received + "条。"
                    + (c.responseSummary() == null ? "" : c.responseSummary()))).append("</p>\n");
        }
        return b.toString();
    }

    private static void cell(StringBuilder b, String name, String value) {
        b.append("<tr><th>").append(HtmlUtils.htmlEscape(name)).append("</th><td>")
                .append(HtmlUtils.htmlEscape(value == null ? "" : value)).append("</td></tr>");
    }

    private Actor requireManager() {
        Actor actor = Actor.require();
        if (!mayManage(actor)) {
            throw new AccessDeniedProblem("只有环境保护部门的信息员可以登记环评项目和发起公示。");
        }
        return actor;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String minutes(Duration window) {
        return window.toHours() >= 1 && window.toMinutesPart() == 0 ? window.toHours() + "小时"
                : window.toMinutes() + "分钟";
    }
}
