package gongkai.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.RecordHeadline;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.Records;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.FloodLimits;
import gongkai.shared.FormText;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicPagesChanged;
import gongkai.shared.Role;
import gongkai.shared.UnsafeCharacters;

/**
 * 意见征集. An APPROVER of a body puts a draft policy out for comment between two dates; anyone comments while it is
 * open (flood-limited per address); a comment its author wants public shows once the body's staff let it through,
 * one kept private never shows but counts. After the closing date the body's APPROVER publishes the feedback report
 * (采纳情况), a decision with its reason for every comment not moderated out, and later attaches the final policy's
 * index number, which must name a published record of the body; the record's page then links back here.
 */
@Service
@Transactional
public class Consultations {

    private static final String COMMENT_ACTION = "consultation.comment";
    private static final int MAX_TITLE = 200;
    private static final int MAX_DRAFT = 100_000;
    private static final int MAX_COMMENT = 2000;

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final Records records;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FloodLimits floodLimits;
    private final FloodLimits.Limit commentLimit;

    Consultations(JdbcTemplate jdbc, Organisations organisations, Records records, Clock clock,
            ApplicationEventPublisher events, FloodLimits floodLimits,
            @Value("${gongkai.feedback.consultation.comments.max-per-address:5}") int commentsPerAddress,
            @Value("${gongkai.feedback.consultation.comments.window:1h}") Duration commentWindow) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.records = records;
        this.clock = clock;
        this.events = events;
        this.floodLimits = floodLimits;
        this.commentLimit = new FloodLimits.Limit(commentsPerAddress, commentWindow);
    }

    /** The same service on another clock: the demo loader comments on a past consultation while it was open. */
    Consultations at(Clock other) {
        return new Consultations(jdbc, organisations, records, other, events, floodLimits, commentLimit.max(),
                commentLimit.window());
    }

    /** Who may put a draft out for comment, publish its report and attach its final policy: the body's APPROVER. */
    public static Optional<String> whyCannotManage(Actor actor, String org) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        return actor.canActFor(org, Role.APPROVER) ? Optional.empty()
                : Optional.of("只有本机构的审批人员可以发起意见征集、发布采纳情况和关联正式文件。");
    }

    /** Who may read every comment and moderate the public ones: the body's staff. */
    public static Optional<String> whyCannotModerate(Actor actor, String org) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        boolean staff = actor.has(Role.EDITOR) || actor.has(Role.REVIEWER) || actor.has(Role.APPROVER)
                || actor.has(Role.ADMIN);
        return staff && actor.canActFor(org) ? Optional.empty()
                : Optional.of("只有本机构的工作人员可以查看和审核意见征集的意见。");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
    }

    /** Puts a draft out for comment; returns its id. Bad input or a person without the right changes nothing. */
    public long open(NewConsultation in, Actor by) {
        return open(in, by, false);
    }

    /** The same as {@link #open(NewConsultation, Actor)}, marked as demo data (示例数据); for the demo loader. */
    public long openDemo(NewConsultation in, Actor by) {
        return open(in, by, true);
    }

    private long open(NewConsultation in, Actor by, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        String title = FormText.required(errors, "title", "标题", in.title(), MAX_TITLE);
        String draft = FormText.required(errors, "draft", "征求意见稿", in.draft(), MAX_DRAFT);
        String org = strip(in.org());
        if (org == null) {
            errors.add(new FieldError("org", "请填写组织机构代码。"));
        } else if (!organisations.exists(org)) {
            errors.add(new FieldError("org", "组织机构“" + org + "”不存在。"));
        }
        if (in.opensOn() == null) {
            errors.add(new FieldError("opensOn", "请填写征集开始日期。"));
        }
        if (in.closesOn() == null) {
            errors.add(new FieldError("closesOn", "请填写征集截止日期。"));
        }
        if (in.opensOn() != null && in.closesOn() != null && in.closesOn().isBefore(in.opensOn())) {
            errors.add(new FieldError("closesOn", "征集截止日期（" + in.closesOn() + "）不能早于开始日期（" + in.opensOn()
                    + "）。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        whyCannotManage(by, org).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO consultation (org_code, title, draft, opens_on, closes_on, demo, "
                    + "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, org);
            ps.setString(2, title);
            ps.setString(3, draft);
            ps.setObject(4, in.opensOn());
            ps.setObject(5, in.closesOn());
            ps.setBoolean(6, demo);
            ps.setTimestamp(7, Timestamp.from(Instant.now(clock)));
            ps.setString(8, by.username());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        events.publishEvent(new AuditedChange("consultation.open", "consultation", Long.toString(id),
                "发起意见征集：" + title + "（" + in.opensOn() + "至" + in.closesOn() + "）"));
        return id;
    }

    /**
     * A comment from the public. Refused outside the consultation's dates, with them named, and when the sender's
     * address has sent too many; nothing is stored then. Returns the comment's id.
     */
    public long comment(long consultationId, NewConsultationComment in) {
        return comment(consultationId, in, false);
    }

    /** A demo comment (示例数据), under the same rules; for the demo loader. */
    public long commentDemo(long consultationId, NewConsultationComment in) {
        return comment(consultationId, in, true);
    }

    private long comment(long consultationId, NewConsultationComment in, boolean demo) {
        Row c = row(consultationId);
        LocalDate today = today();
        if (today.isBefore(c.opensOn)) {
            throw new InvalidInputProblem("text", "本次意见征集自" + c.opensOn + "开始，尚未开始接收意见。");
        }
        if (today.isAfter(c.closesOn)) {
            throw new InvalidInputProblem("text", "本次意见征集已于" + c.closesOn + "截止，不再接收意见。");
        }
        List<FieldError> errors = new ArrayList<>();
        String text = FormText.required(errors, "text", "意见内容", in.text(), MAX_COMMENT);
        String name = strip(in.name());
        if (name != null && name.length() > 50) {
            errors.add(new FieldError("name", "姓名不能超过50个字。"));
        } else if (name != null && UnsafeCharacters.complaint("name", name) != null) {
            errors.add(UnsafeCharacters.complaint("name", name));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        if (!demo) {
            floodLimits.pass(COMMENT_ACTION, commentLimit, "从您的网络地址提交的意见过多，请" + commentLimit.windowText()
                    + "后再试。");
        }
        boolean wantsPublic = in.isPublic() == null || in.isPublic();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO consultation_comment (consultation_id, author_name, body, "
                    + "moderation, received_at, demo) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, consultationId);
            ps.setString(2, name);
            ps.setString(3, text);
            ps.setString(4, (wantsPublic ? CommentModeration.PENDING : CommentModeration.PRIVATE).name());
            ps.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            ps.setBoolean(6, demo);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Lets a public comment show, or moderates it out, by the body's staff. A comment kept private by its author can
     * never be shown; a decision can be changed until the feedback report is out.
     */
    public ConsultationComment moderate(long commentId, boolean show, Actor by) {
        ConsultationComment comment = commentRow(commentId);
        Row c = row(comment.consultationId());
        whyCannotModerate(by, c.org).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        if (comment.moderation() == CommentModeration.PRIVATE) {
            throw new ConflictProblem("该意见的提交人选择不公开，不能公开显示。");
        }
        if (c.reportPublishedAt != null) {
            throw new ConflictProblem("采纳情况已发布，不能再更改意见的审核结果。");
        }
        CommentModeration to = show ? CommentModeration.SHOWN : CommentModeration.HIDDEN;
        jdbc.update("UPDATE consultation_comment SET moderation = ?, moderated_at = ?, moderated_by = ? WHERE id = ?",
                to.name(), Timestamp.from(Instant.now(clock)), by.username(), commentId);
        events.publishEvent(new AuditedChange("consultation.moderate", "consultation_comment", Long.toString(commentId),
                "意见征集“" + c.title + "”的意见" + commentId + "：" + comment.moderation().label() + " → " + to.label()));
        return commentRow(commentId);
    }

    /**
     * Publishes the feedback report of a closed consultation: every comment that was not moderated out is answered
     * exactly once, in a group with a decision and a reason. Refused while comments wait for moderation, before the
     * closing date, and a second time.
     */
    public Consultation publishReport(long consultationId, FeedbackReport report, Actor by) {
        Row c = row(consultationId);
        whyCannotManage(by, c.org).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        if (c.reportPublishedAt != null) {
            throw new ConflictProblem("本次意见征集的采纳情况已于" + c.reportPublishedAt.atZone(PlatformConfiguration.CHINA)
                    .toLocalDate() + "发布。");
        }
        if (!today().isAfter(c.closesOn)) {
            throw new ConflictProblem("意见征集到" + c.closesOn + "截止，截止后才能发布采纳情况。");
        }
        List<ConsultationComment> comments = comments(consultationId);
        long pending = comments.stream().filter(x -> x.moderation() == CommentModeration.PENDING).count();
        if (pending > 0) {
            throw new ConflictProblem("还有" + pending + "条意见待审核，请先审核后再发布采纳情况。");
        }
        Map<Long, ConsultationComment> answerable = new LinkedHashMap<>();
        comments.stream().filter(x -> x.moderation() != CommentModeration.HIDDEN).forEach(x -> answerable.put(x.id(), x));
        List<FieldError> errors = new ArrayList<>();
        String summary = FormText.required(errors, "summary", "采纳情况说明", report == null ? null : report.summary(), 4000);
        List<FeedbackReport.Group> groups = report == null || report.groups() == null ? List.of() : report.groups();
        Set<Long> answered = new HashSet<>();
        List<ConsultationDecision> decisions = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            FeedbackReport.Group group = groups.get(g);
            String field = "groups[" + g + "]";
            String where = "第" + (g + 1) + "组";
            ConsultationDecision decision = group == null ? null : ConsultationDecision.parse(group.decision());
            if (decision == null) {
                errors.add(new FieldError(field + ".decision", where + "的处理结果应为 ADOPTED（采纳）、PARTLY（部分采纳）或 "
                        + "NOT_ADOPTED（未采纳）。"));
            }
            decisions.add(decision);
            reasons.add(FormText.required(errors, field + ".reason", where + "的理由", group == null ? null : group.reason(), 1000));
            List<Long> ids = group == null || group.comments() == null ? List.of() : group.comments();
            if (ids.isEmpty()) {
                errors.add(new FieldError(field + ".comments", where + "没有列出所答复的意见编号。"));
            }
            for (Long id : ids) {
                if (id == null || !answerable.containsKey(id)) {
                    errors.add(new FieldError(field + ".comments", where + "的意见编号" + id + "不是本次征集收到的有效意见。"));
                } else if (!answered.add(id)) {
                    errors.add(new FieldError(field + ".comments", "意见" + id + "在采纳情况中出现了不止一次。"));
                }
            }
        }
        List<Long> missing = answerable.keySet().stream().filter(id -> !answered.contains(id)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("groups", "以下意见还没有处理结果：" + missing + "。每条意见（审核未通过的除外）都要说明是否采纳及理由。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        for (int g = 0; g < groups.size(); g++) {
            for (Long id : groups.get(g).comments()) {
                jdbc.update("UPDATE consultation_comment SET decision_group = ?, decision = ?, reason = ? WHERE id = ?",
                        g + 1, decisions.get(g).name(), reasons.get(g), id);
            }
        }
        jdbc.update("UPDATE consultation SET report_summary = ?, report_published_at = ?, report_published_by = ? "
                + "WHERE id = ?", summary, Timestamp.from(Instant.now(clock)), by.username(), consultationId);
        events.publishEvent(new AuditedChange("consultation.report", "consultation", Long.toString(consultationId),
                "发布意见征集“" + c.title + "”的采纳情况：" + groups.size() + "组，" + answered.size() + "条意见"));
        return consultation(consultationId);
    }

    /**
     * Attaches the final policy: the index number of a published record of the consulting body, open to everyone.
     * The record's page then names this consultation.
     */
    public Consultation attachFinalRecord(long consultationId, String indexNo, Actor by) {
        Row c = row(consultationId);
        whyCannotManage(by, c.org).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        String no = strip(indexNo);
        if (no == null) {
            throw new InvalidInputProblem("indexNo", "请填写正式文件的索引号。");
        }
        if (!today().isAfter(c.closesOn)) {
            throw new ConflictProblem("意见征集到" + c.closesOn + "截止，截止后才能关联正式文件。");
        }
        Optional<RecordHeadline> record = records.reviewState(no).filter(s -> no.equals(s.indexNo()))
                .flatMap(s -> records.idOf(no)).map(id -> records.headlines(List.of(id)).get(id));
        if (record.isEmpty() || record.get().status() != RecordStatus.PUBLISHED || !record.get().open()) {
            throw new InvalidInputProblem("indexNo", "没有索引号为“" + no + "”的已公开发布的信息。");
        }
        if (!c.org.equals(records.organisationOf(no).orElse(null))) {
            throw new InvalidInputProblem("indexNo", "索引号为“" + no + "”的信息不是本机构发布的，不能作为本次征集的正式文件。");
        }
        String before = c.finalIndexNo;
        jdbc.update("UPDATE consultation SET final_index_no = ? WHERE id = ?", no, consultationId);
        events.publishEvent(new AuditedChange("consultation.final", "consultation", Long.toString(consultationId),
                "意见征集“" + c.title + "”的正式文件：" + (before == null ? "（无）" : before) + " → " + no));
        List<String> tags = new ArrayList<>(List.of(PublicPagesChanged.record(no)));
        if (before != null) {
            tags.add(PublicPagesChanged.record(before));
        }
        events.publishEvent(PublicPagesChanged.of(tags.toArray(String[]::new)));
        return consultation(consultationId);
    }

    /** The consultations for the public: open ones first (closing soonest first), then upcoming, then closed. */
    @Transactional(readOnly = true)
    public List<Consultation> all() {
        LocalDate today = today();
        List<Row> rows = jdbc.query("SELECT * FROM consultation", Consultations::row);
        Map<ConsultationStatus, Integer> rank = Map.of(ConsultationStatus.OPEN, 0, ConsultationStatus.UPCOMING, 1,
                ConsultationStatus.CLOSED, 2);
        Comparator<Row> order = Comparator.comparingInt((Row r) -> rank.get(status(r, today)));
        order = order.thenComparing((a, b) -> status(a, today) == ConsultationStatus.CLOSED
                ? b.closesOn.compareTo(a.closesOn) : a.closesOn.compareTo(b.closesOn))
                .thenComparing(r -> -r.id);
        return rows.stream().sorted(order).map(r -> view(r, today)).toList();
    }

    /** One consultation as the public sees it. */
    @Transactional(readOnly = true)
    public Consultation consultation(long id) {
        return view(row(id), today());
    }

    /** The consultations of the actor's body (all for the city office's ADMIN), newest first. */
    @Transactional(readOnly = true)
    public List<Consultation> forStaff(Actor actor) {
        LocalDate today = today();
        return jdbc.query("SELECT * FROM consultation ORDER BY id DESC", Consultations::row).stream()
                .filter(r -> whyCannotModerate(actor, r.org).isEmpty()).map(r -> view(r, today)).toList();
    }

    /** Every comment of a consultation, private ones too, for the body's staff. */
    @Transactional(readOnly = true)
    public List<ConsultationComment> comments(long consultationId, Actor actor) {
        Row c = row(consultationId);
        whyCannotModerate(actor, c.org).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        return comments(consultationId);
    }

    /** The consultation whose final policy has this index number, for the record's page. */
    @Transactional(readOnly = true)
    public Optional<Consultation> withFinalRecord(String indexNo) {
        if (indexNo == null || indexNo.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM consultation WHERE final_index_no = ? ORDER BY id", Consultations::row,
                indexNo.strip()).stream().findFirst().map(r -> view(r, today()));
    }

    private List<ConsultationComment> comments(long consultationId) {
        return jdbc.query("SELECT * FROM consultation_comment WHERE consultation_id = ? ORDER BY id",
                Consultations::comment, consultationId);
    }

    private ConsultationComment commentRow(long id) {
        return jdbc.query("SELECT * FROM consultation_comment WHERE id = ?", Consultations::comment, id).stream()
                .findFirst().orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的意见。"));
    }

    private Consultation view(Row r, LocalDate today) {
        List<ConsultationComment> comments = comments(r.id);
        List<ConsultationComment> shown = comments.stream().filter(ConsultationComment::shown).toList();
        Consultation.Report report = null;
        if (r.reportPublishedAt != null) {
            Map<Integer, List<ConsultationComment>> byGroup = new java.util.TreeMap<>();
            comments.stream().filter(x -> x.decisionGroup() != null)
                    .forEach(x -> byGroup.computeIfAbsent(x.decisionGroup(), k -> new ArrayList<>()).add(x));
            List<Consultation.ReportGroup> groups = new ArrayList<>();
            byGroup.forEach((no, members) -> groups.add(new Consultation.ReportGroup(no, members.get(0).decision(),
                    members.get(0).reason(), members.stream().filter(ConsultationComment::shown).toList(),
                    (int) members.stream().filter(x -> !x.shown()).count())));
            report = new Consultation.Report(r.reportSummary, r.reportPublishedAt, groups);
        }
        String finalTitle = null;
        if (r.finalIndexNo != null) {
            finalTitle = records.idOf(r.finalIndexNo).map(id -> records.headlines(List.of(id)).get(id))
                    .filter(RecordHeadline::open).map(RecordHeadline::title).orElse(null);
        }
        String orgName = organisations.find(r.org).map(Organisation::name).orElse(r.org);
        return new Consultation(r.id, r.org, orgName, r.title, r.draft, r.opensOn, r.closesOn, status(r, today),
                comments.size(), shown, report, finalTitle == null ? null : r.finalIndexNo, finalTitle, r.demo);
    }

    private static ConsultationStatus status(Row r, LocalDate today) {
        return today.isBefore(r.opensOn) ? ConsultationStatus.UPCOMING
                : today.isAfter(r.closesOn) ? ConsultationStatus.CLOSED : ConsultationStatus.OPEN;
    }

    private Row row(long id) {
        return jdbc.query("SELECT * FROM consultation WHERE id = ?", Consultations::row, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的意见征集。"));
    }

    private record Row(long id, String org, String title, String draft, LocalDate opensOn, LocalDate closesOn,
            String reportSummary, Instant reportPublishedAt, String finalIndexNo, boolean demo) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp report = rs.getTimestamp("report_published_at");
        return new Row(rs.getLong("id"), rs.getString("org_code"), rs.getString("title"), rs.getString("draft"),
                rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
                rs.getString("report_summary"), report == null ? null : report.toInstant(),
                rs.getString("final_index_no"), rs.getBoolean("demo"));
    }

    private static ConsultationComment comment(ResultSet rs, int n) throws SQLException {
        int group = rs.getInt("decision_group");
        Integer decisionGroup = rs.wasNull() ? null : group;
        String decision = rs.getString("decision");
        return new ConsultationComment(rs.getLong("id"), rs.getLong("consultation_id"), rs.getString("author_name"),
                rs.getString("body"), CommentModeration.valueOf(rs.getString("moderation")), decisionGroup,
                decision == null ? null : ConsultationDecision.valueOf(decision), rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant(), rs.getBoolean("demo"));
    }


    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
