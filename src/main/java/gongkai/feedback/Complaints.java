package gongkai.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.assessment.FindingSource;
import gongkai.assessment.RaisedFinding;
import gongkai.assessment.Supervision;
import gongkai.calendar.Deadline;
import gongkai.calendar.DueReminder;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.feedback.internal.ComplaintCodes;
import gongkai.feedback.internal.ComplaintsProperties;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.CaseProgressed;
import gongkai.shared.Codes;
import gongkai.shared.ConflictProblem;
import gongkai.shared.ContactFormats;
import gongkai.shared.FloodLimits;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * 投诉举报: complaints and reports about disclosure. Each is routed to the body named, or to the city office when none
 * is; its answer is due a configurable number of working days after receipt (per category), and a transfer does not
 * restart that clock. The handling body's EDITOR or APPROVER transfers or answers it; a substantiated complaint that
 * something was not disclosed or disclosed late becomes a supervision finding with a rectification deadline. The
 * complainant follows it with the tracking number and the private code; the complainant's name and phone are read by
 * the handling body's staff and the city office only. The daily check reminds and marks overdue as requests do
 * ({@link DueReminder}).
 */
@Service
@Transactional
public class Complaints {

    /** The case type of complaints in push notices ({@link CaseProgressed}). */
    public static final String CASE_TYPE = "complaint";

    public static final String TRANSFER = "TRANSFER";
    public static final String REPLY = "REPLY";
    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 50;
    static final int MAX_REASON = 1000;
    /** The same answer for an unknown number and a wrong code, so neither can be guessed one at a time. */
    public static final String TRACK_FAILED = "投诉编号或查询码不正确，请核对后重试。";

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final WorkingDayCalendar calendar;
    private final Supervision supervision;
    private final FloodLimits floodLimits;
    private final ComplaintsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String cityOffice;

    Complaints(JdbcTemplate jdbc, Organisations organisations, WorkingDayCalendar calendar, Supervision supervision,
            FloodLimits floodLimits, ComplaintsProperties properties, ApplicationEventPublisher events, Clock clock,
            GongkaiProperties platform) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.calendar = calendar;
        this.supervision = supervision;
        this.floodLimits = floodLimits;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.cityOffice = platform.cityOffice();
    }

    // ----- the rules, asked by pages and API alike

    /** Who may read a complaint's details, personal data included: its handling body's staff and the city office. */
    public Optional<String> whyCannotRead(Actor actor, String org) {
        if (actor == null || actor.orgCode() == null) {
            return Optional.of("请输入投诉编号和查询码查看办理情况。");
        }
        if (actor.canActFor(org) || cityOffice.equals(actor.orgCode())) {
            return Optional.empty();
        }
        return Optional.of("只有承办机构和市政府办公室的工作人员可以查看该投诉举报的详情。");
    }

    /** Who may transfer or answer a complaint: an EDITOR or APPROVER of the body handling it. */
    public static Optional<String> whyCannotHandle(Actor actor, String org) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        if (actor.canActFor(org, Role.EDITOR) || actor.canActFor(org, Role.APPROVER)) {
            return Optional.empty();
        }
        return Optional.of("只有承办机构的信息员或分管领导可以转办或答复该投诉举报。");
    }

    // ----- intake

    /**
     * A complaint from the public form or the API, received today. Refused with every problem at once and nothing
     * stored; a client that sent too many lately is refused (429) before anything is stored.
     */
    public ComplaintReceipt submit(NewComplaint in) {
        Valid v = validate(in);
        floodLimits.pass("complaint.intake", limit(properties.intake()), "从您的网络地址提交的投诉举报过多，请"
                + FloodLimits.windowText(properties.intake().window()) + "后再试；也可以来信或来电反映。");
        return insert(v, ComplaintChannel.ONLINE, today(), FloodLimits.client(), null, false);
    }

    /** A letter or call entered by the staff of any body (EDITOR or APPROVER), received on {@code receivedOn}. */
    public ComplaintReceipt enter(NewComplaint in, String channel, LocalDate receivedOn, Actor by) {
        if (by == null || !(by.has(Role.EDITOR) || by.has(Role.APPROVER)) || by.orgCode() == null) {
            throw new AccessDeniedProblem("只有信息员或分管领导可以登记来信来电。");
        }
        List<InvalidInputProblem.FieldError> errors = new ArrayList<>();
        ComplaintChannel ch = Codes.parse(ComplaintChannel.class, channel);
        if (ch == null || ch == ComplaintChannel.ONLINE) {
            errors.add(new InvalidInputProblem.FieldError("channel", "请选择渠道：LETTER（来信）或 PHONE（来电）。"));
        }
        if (receivedOn == null) {
            errors.add(new InvalidInputProblem.FieldError("receivedOn", "请填写收到日期。"));
        } else if (receivedOn.isAfter(today())) {
            errors.add(new InvalidInputProblem.FieldError("receivedOn", "收到日期不能晚于今天。"));
        }
        Valid v;
        try {
            v = validate(in);
        } catch (InvalidInputProblem e) {
            errors.addAll(0, e.errors());
            throw new InvalidInputProblem(errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return insert(v, ch, receivedOn, null, by.username(), false);
    }

    /** A demo complaint (示例数据) received on the given day, for the demo loader only. */
    public ComplaintReceipt enterDemo(NewComplaint in, ComplaintChannel channel, LocalDate receivedOn) {
        return insert(validate(in), channel, receivedOn, null, "demo", true);
    }

    private record Valid(ComplaintCategory category, String namedOrg, String org, String subject, String description,
            String name, String phone, boolean anonymous) {
    }

    private Valid validate(NewComplaint in) {
        if (in == null) {
            throw new InvalidInputProblem("description", "请填写投诉举报的内容。");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ComplaintCategory category = Codes.parse(ComplaintCategory.class, in.category());
        if (category == null) {
            errors.put("category", "请选择投诉举报类别：NOT_DISCLOSED（未按规定公开）、LATE（公开不及时）、WRONG_CONTENT（内容错误）、"
                    + "PRIVACY（泄露个人隐私）、REQUEST_HANDLING（依申请公开办理不当）或 OTHER（其他）。");
        }
        String named = blankToNull(in.org());
        if (named != null && !organisations.exists(named)) {
            errors.put("org", "没有代码为“" + named + "”的机构，请从列表中选择被投诉的机构，不清楚的可以不选。");
        }
        String subject = blankToNull(in.subject());
        if (subject == null) {
            errors.put("subject", "请填写标题，例如“某村低保名单未公示”。");
        } else if (subject.length() > MAX_SUBJECT) {
            errors.put("subject", "标题不能超过" + MAX_SUBJECT + "个字。");
        }
        String description = blankToNull(in.description());
        if (description == null) {
            errors.put("description", "请填写投诉举报的具体内容：什么信息、在哪里、应当何时公开。");
        } else if (description.length() > MAX_TEXT) {
            errors.put("description", "具体内容不能超过" + MAX_TEXT + "个字。");
        }
        String name = in.anonymous() ? null : blankToNull(in.name());
        String phone = in.anonymous() ? null : blankToNull(in.phone());
        if (name != null && name.length() > MAX_NAME) {
            errors.put("name", "姓名不能超过" + MAX_NAME + "个字。");
        }
        if (phone != null && !isMainlandPhone(phone)) {
            errors.put("phone", "联系电话“" + phone + "”格式不正确：请填写11位手机号码或带区号的固定电话，例如13800000000或0795-3210000。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return new Valid(category, named, named == null ? cityOffice : named, subject, description, name,
                phone == null ? null : phone.replace(" ", ""), in.anonymous());
    }

    /** A mainland mobile or a landline with its area code (the platform's phone formats, without service lines). */
    static boolean isMainlandPhone(String phone) {
        return ContactFormats.isPersonalPhone(phone);
    }

    private ComplaintReceipt insert(Valid v, ComplaintChannel channel, LocalDate receivedOn, String from, String by,
            boolean demo) {
        int days = properties.dueDaysOf(v.category());
        Deadline due = calendar.deadline(receivedOn, days);
        String code = ComplaintCodes.next();
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO complaint (code_hash, category, subject, description, named_org, "
                    + "org_code, complainant_name, complainant_phone, anonymous, channel, submitted_from, received_on, "
                    + "due_days, due_on, status, demo, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, ComplaintCodes.hash(code));
            ps.setString(2, v.category().name());
            ps.setString(3, v.subject());
            ps.setString(4, v.description());
            ps.setString(5, v.namedOrg());
            ps.setString(6, v.org());
            ps.setString(7, v.name());
            ps.setString(8, v.phone());
            ps.setBoolean(9, v.anonymous());
            ps.setString(10, channel.name());
            ps.setString(11, from);
            ps.setObject(12, receivedOn);
            ps.setInt(13, days);
            ps.setObject(14, due.dueOn());
            ps.setString(15, ComplaintStatus.OPEN.name());
            ps.setBoolean(16, demo);
            ps.setTimestamp(17, Timestamp.from(now));
            ps.setString(18, by);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        String no = "TS" + receivedOn.getYear() + "-" + String.format("%06d", id);
        jdbc.update("UPDATE complaint SET tracking_no = ? WHERE id = ?", no, id);
        step(id, "RECEIVED", receivedOn, by, v.org(), "收到" + channel.label() + "投诉举报（" + v.category().label()
                + "），由" + organisations.get(v.org()).name() + "办理；应于" + day(due.dueOn()) + "前答复（" + days
                + "个工作日）" + (due.covered() ? "。" : "，该年度节假日安排公布后可能调整。"));
        events.publishEvent(new AuditedChange("complaint.received", "complaint", no, channel.label() + "投诉举报："
                + v.subject()));
        return new ComplaintReceipt(no, code, due.dueOn(), due.covered());
    }

    // ----- handling

    /**
     * 转办: the complaint goes to another body with the reason, recorded in the history. The due date keeps running
     * from receipt: the complainant is not made to wait longer because it was sent to the wrong body first.
     */
    public ComplaintView transfer(String trackingNo, String org, String reason, Actor by) {
        Row c = require(trackingNo);
        whyCannotHandle(by, c.org()).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        requireOpen(c);
        Map<String, String> errors = new LinkedHashMap<>();
        String to = blankToNull(org);
        if (to == null) {
            errors.put("org", "请选择转办的机构。");
        } else if (!organisations.exists(to)) {
            errors.put("org", "没有代码为“" + to + "”的机构。");
        } else if (to.equals(c.org())) {
            errors.put("org", "该投诉举报已由" + organisations.get(to).name() + "办理，请选择其他机构。");
        }
        String why = blankToNull(reason);
        if (why == null) {
            errors.put("reason", "请填写转办理由，它将记入办理过程。");
        } else if (why.length() > MAX_REASON) {
            errors.put("reason", "转办理由不能超过" + MAX_REASON + "个字。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        jdbc.update("UPDATE complaint SET org_code = ? WHERE id = ?", to, c.id());
        step(c.id(), "TRANSFERRED", today(), by.username(), to, "由" + organisations.get(c.org()).name() + "转"
                + organisations.get(to).name() + "办理，理由：" + why + "。答复期限仍为" + day(c.dueOn()) + "（自收到之日起计算）。");
        events.publishEvent(new AuditedChange("complaint.transferred", "complaint", c.trackingNo(),
                "转" + organisations.get(to).name() + "办理：" + why));
        events.publishEvent(new CaseProgressed(CASE_TYPE, c.trackingNo(), "TRANSFERRED:" + to, "已转交有权处理的单位办理", to));
        return view(require(trackingNo), by);
    }

    /**
     * 答复: whether the complaint was substantiated and what was done. A substantiated complaint that something was not
     * disclosed or disclosed late becomes a supervision finding of the handling body, with a rectification deadline;
     * the answer names it.
     */
    public ComplaintView reply(String trackingNo, String text, Boolean substantiated, Actor by) {
        Row c = require(trackingNo);
        whyCannotHandle(by, c.org()).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        requireOpen(c);
        Map<String, String> errors = new LinkedHashMap<>();
        String answer = blankToNull(text);
        if (answer == null) {
            errors.put("text", "请填写答复内容：核查情况和处理结果。");
        } else if (answer.length() > MAX_TEXT) {
            errors.put("text", "答复内容不能超过" + MAX_TEXT + "个字。");
        }
        if (substantiated == null) {
            errors.put("substantiated", "请选择投诉举报是否属实。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        LocalDate today = today();
        Long finding = null;
        String detail = (substantiated ? "经核查，投诉举报属实。" : "经核查，投诉举报不属实。") + answer;
        if (substantiated && c.category().findingScope().isPresent()) {
            LocalDate deadline = calendar.plusWorkingDays(today, properties.rectificationDays());
            finding = supervision.raise(new RaisedFinding(c.org(), c.category().findingScope().get(),
                    "投诉举报" + c.trackingNo() + "经核查属实（" + c.category().label() + "）：" + c.subject(), null, null,
                    deadline, FindingSource.COMPLAINT, c.trackingNo(), by.username()));
            detail += "该问题已列为督查整改问题（编号" + finding + "），整改期限至" + day(deadline) + "。";
        }
        jdbc.update("UPDATE complaint SET status = ?, answer_text = ?, substantiated = ?, answered_on = ?, "
                + "answered_by = ?, finding_id = ? WHERE id = ?", ComplaintStatus.ANSWERED.name(), detail,
                substantiated, today, by.username(), finding, c.id());
        step(c.id(), "ANSWERED", today, by.username(), c.org(), detail);
        events.publishEvent(new AuditedChange("complaint.answered", "complaint", c.trackingNo(),
                (substantiated ? "属实" : "不属实") + (finding == null ? "" : "，督查整改问题" + finding)));
        events.publishEvent(new CaseProgressed(CASE_TYPE, c.trackingNo(), "ANSWERED", "已答复", c.org()));
        return view(require(trackingNo), by);
    }

    // ----- reading

    /**
     * The complainant's view with the private code: status, due date, history, the answer and their own details.
     * Every look-up counts towards the client's flood limit; an unknown number and a wrong code get the same answer.
     */
    @Transactional(readOnly = true)
    public ComplaintView track(String trackingNo, String code) {
        floodLimits.pass("complaint.track", limit(properties.track()), "从您的网络地址查询投诉举报的次数过多，请"
                + FloodLimits.windowText(properties.track().window()) + "后再试。");
        Optional<Row> c = find(trackingNo);
        if (!ComplaintCodes.matches(code, c.map(Row::codeHash).orElse(null)) || c.isEmpty()) {
            throw new InvalidInputProblem("code", TRACK_FAILED);
        }
        return view(c.get(), null);
    }

    /** A complaint as a member of staff reads it: refused unless {@link #whyCannotRead} allows. */
    @Transactional(readOnly = true)
    public ComplaintView read(String trackingNo, Actor reader) {
        Row c = require(trackingNo);
        whyCannotRead(reader, c.org()).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        return view(c, reader);
    }

    /**
     * The inbox: a body's complaints (its own staff), or every body's or one body's (the city office), newest first,
     * optionally of one status.
     */
    @Transactional(readOnly = true)
    public List<ComplaintLine> inbox(Actor reader, String org, String status) {
        if (reader == null || reader.orgCode() == null) {
            throw new AccessDeniedProblem("只有工作人员可以查看投诉举报。");
        }
        String only = blankToNull(org);
        boolean city = cityOffice.equals(reader.orgCode()) || reader.cityWide();
        if (only == null && !city) {
            only = reader.orgCode();
        }
        if (only != null && !city && !reader.canActFor(only)) {
            throw new AccessDeniedProblem("只能查看本机构承办的投诉举报。");
        }
        ComplaintStatus s = null;
        if (blankToNull(status) != null) {
            s = Codes.parse(ComplaintStatus.class, status);
            if (s == null) {
                throw new InvalidInputProblem("status", "状态只能是 OPEN（办理中）或 ANSWERED（已答复）。");
            }
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM complaint WHERE tracking_no IS NOT NULL");
        List<Object> args = new ArrayList<>();
        if (only != null) {
            sql.append(" AND org_code = ?");
            args.add(only);
        }
        if (s != null) {
            sql.append(" AND status = ?");
            args.add(s.name());
        }
        sql.append(" ORDER BY received_on DESC, id DESC LIMIT 500");
        LocalDate today = today();
        return jdbc.query(sql.toString(), Complaints::row, args.toArray()).stream().map(c -> new ComplaintLine(
                c.trackingNo(), c.category().name(), c.category().label(), c.subject(), c.org(), orgName(c.org()),
                c.channel().label(), c.receivedOn(), c.dueOn(), DueReminder.workingDaysLeft(calendar, today, c.dueOn()),
                c.status().name(), c.status().label(), c.overdue(today), c.substantiated(), c.demo())).toList();
    }

    /** Per body, the complaints received in {@code year}: received, answered, answered on time, substantiated. */
    @Transactional(readOnly = true)
    public List<ComplaintStatistics> statistics(int year) {
        return jdbc.query("SELECT org_code, COUNT(*) AS received, "
                + "SUM(CASE WHEN status = 'ANSWERED' THEN 1 ELSE 0 END) AS answered, "
                + "SUM(CASE WHEN status = 'ANSWERED' AND answered_on <= due_on THEN 1 ELSE 0 END) AS on_time, "
                + "SUM(CASE WHEN substantiated THEN 1 ELSE 0 END) AS substantiated "
                + "FROM complaint WHERE tracking_no IS NOT NULL AND received_on >= ? AND received_on <= ? "
                + "GROUP BY org_code ORDER BY org_code", (rs, n) -> new ComplaintStatistics(rs.getString("org_code"),
                        orgName(rs.getString("org_code")), year, rs.getLong("received"), rs.getLong("answered"),
                        rs.getLong("on_time"), rs.getLong("substantiated")),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** For the assessment (see {@link gongkai.shared.ComplaintFigures}): per body, the year's complaints by outcome. */
    @Transactional(readOnly = true)
    public List<gongkai.shared.ComplaintFigures.Figures> assessmentFigures(int year) {
        return jdbc.query("SELECT org_code, COUNT(*) AS received, "
                + "SUM(CASE WHEN status = 'ANSWERED' AND answered_on <= due_on THEN 1 ELSE 0 END) AS on_time, "
                + "SUM(CASE WHEN status = 'ANSWERED' AND answered_on > due_on THEN 1 ELSE 0 END) AS late, "
                + "SUM(CASE WHEN status <> 'ANSWERED' AND due_on < ? THEN 1 ELSE 0 END) AS open_overdue, "
                + "SUM(CASE WHEN substantiated THEN 1 ELSE 0 END) AS substantiated "
                + "FROM complaint WHERE tracking_no IS NOT NULL AND received_on >= ? AND received_on <= ? "
                + "GROUP BY org_code ORDER BY org_code", (rs, n) -> new gongkai.shared.ComplaintFigures.Figures(
                        rs.getString("org_code"), rs.getLong("received"), rs.getLong("on_time"), rs.getLong("late"),
                        rs.getLong("open_overdue"), rs.getLong("substantiated")),
                today(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The due period of a category in working days, as configured. */
    public int dueDays(ComplaintCategory category) {
        return properties.dueDaysOf(category);
    }

    /**
     * The complainant's contact for a notice (push, issue 18): name and phone, or empty when the complaint is
     * anonymous or left none. For push notices ({@link CaseProgressed}) only.
     */
    @Transactional(readOnly = true)
    public Optional<Contact> contactForNotice(String trackingNo) {
        Row c = require(trackingNo);
        return c.phone() == null ? Optional.empty() : Optional.of(new Contact(c.name(), c.phone()));
    }

    /** Whom a notice about a complaint goes to; the name may be null. */
    public record Contact(String name, String phone) {
    }

    // ----- the daily check

    /**
     * What the passing of time calls for on one open complaint today, by the rule requests follow: a reminder to the
     * handling body a few working days before the due date (once per due date), an overdue mark once it has passed.
     */
    public Optional<DueReminder> keepClock(String trackingNo, LocalDate today) {
        Row c = require(trackingNo);
        if (c.status() != ComplaintStatus.OPEN) {
            return Optional.empty();
        }
        int left = DueReminder.workingDaysLeft(calendar, today, c.dueOn());
        DueReminder call = DueReminder.today(left, c.dueOn(), c.remindedFor(), c.overdueMarkedOn() != null,
                properties.reminderWorkingDays());
        if (call == DueReminder.OVERDUE) {
            jdbc.update("UPDATE complaint SET overdue_marked_on = ? WHERE id = ?", today, c.id());
            step(c.id(), "OVERDUE", today, null, c.org(), "答复期限已于" + day(c.dueOn()) + "届满，尚未答复。");
        } else if (call == DueReminder.REMIND) {
            jdbc.update("UPDATE complaint SET reminded_for = ? WHERE id = ?", c.dueOn(), c.id());
            step(c.id(), "REMINDED", today, null, c.org(), "距答复期限（" + day(c.dueOn()) + "）还有" + left
                    + "个工作日，请及时答复。");
        }
        return call == DueReminder.NONE ? Optional.empty() : Optional.of(call);
    }

    /** The numbers of the complaints still open, for the daily check. */
    @Transactional(readOnly = true)
    public List<String> open() {
        return jdbc.queryForList("SELECT tracking_no FROM complaint WHERE status = 'OPEN' AND tracking_no IS NOT NULL "
                + "ORDER BY id", String.class);
    }

    // ----- rows

    private record Row(long id, String trackingNo, String codeHash, ComplaintCategory category, String subject,
            String description, String namedOrg, String org, String name, String phone, boolean anonymous,
            ComplaintChannel channel, LocalDate receivedOn, int dueDays, LocalDate dueOn, ComplaintStatus status,
            String answer, Boolean substantiated, LocalDate answeredOn, Long findingId, LocalDate remindedFor,
            LocalDate overdueMarkedOn, boolean demo) {

        boolean overdue(LocalDate today) {
            return status == ComplaintStatus.OPEN && today.isAfter(dueOn);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        boolean sub = rs.getBoolean("substantiated");
        Boolean substantiated = rs.wasNull() ? null : sub;
        long finding = rs.getLong("finding_id");
        Long findingId = rs.wasNull() ? null : finding;
        return new Row(rs.getLong("id"), rs.getString("tracking_no"), rs.getString("code_hash"),
                ComplaintCategory.valueOf(rs.getString("category")), rs.getString("subject"),
                rs.getString("description"), rs.getString("named_org"), rs.getString("org_code"),
                rs.getString("complainant_name"), rs.getString("complainant_phone"), rs.getBoolean("anonymous"),
                ComplaintChannel.valueOf(rs.getString("channel")), rs.getObject("received_on", LocalDate.class),
                rs.getInt("due_days"), rs.getObject("due_on", LocalDate.class),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getString("answer_text"), substantiated,
                rs.getObject("answered_on", LocalDate.class), findingId,
                rs.getObject("reminded_for", LocalDate.class), rs.getObject("overdue_marked_on", LocalDate.class),
                rs.getBoolean("demo"));
    }

    private Optional<Row> find(String trackingNo) {
        String no = blankToNull(trackingNo);
        if (no == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM complaint WHERE tracking_no = ?", Complaints::row,
                no.toUpperCase(java.util.Locale.ROOT)).stream().findFirst();
    }

    private Row require(String trackingNo) {
        return find(trackingNo).orElseThrow(() -> new NotFoundProblem("没有编号为“" + trackingNo + "”的投诉举报。"));
    }

    private static void requireOpen(Row c) {
        if (c.status() != ComplaintStatus.OPEN) {
            throw new ConflictProblem("投诉举报" + c.trackingNo() + "已于" + day(c.answeredOn()) + "答复，不能再转办或答复。");
        }
    }

    /**
     * The view with the complainant's personal data: callers have checked the code ({@code reader} null) or that the
     * reader may read it.
     */
    private ComplaintView view(Row c, Actor reader) {
        List<ComplaintView.Step> history = jdbc.query("SELECT * FROM complaint_step WHERE complaint_id = ? "
                + "ORDER BY position", (rs, n) -> new ComplaintView.Step(rs.getString("kind"),
                        stepLabel(rs.getString("kind")), rs.getObject("on_day", LocalDate.class),
                        orgName(rs.getString("org_code")), rs.getString("detail"),
                        reader == null ? null : rs.getString("by_user")), c.id());
        List<String> actions = new ArrayList<>();
        if (reader != null && c.status() == ComplaintStatus.OPEN && whyCannotHandle(reader, c.org()).isEmpty()) {
            actions.add(TRANSFER);
            actions.add(REPLY);
        }
        return new ComplaintView(c.trackingNo(), c.category().name(), c.category().label(), c.subject(),
                c.description(), c.org(), orgName(c.org()), c.namedOrg(), c.channel().name(), c.channel().label(),
                c.anonymous(), c.name(), c.phone(), c.receivedOn(), c.dueDays(),
                c.dueOn(), c.status().name(), c.status().label(), c.overdue(today()), c.answer(), c.substantiated(),
                c.answeredOn(), c.findingId(), c.demo(), history, actions);
    }

    private void step(long id, String kind, LocalDate on, String by, String org, String detail) {
        Integer next = jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) + 1 FROM complaint_step "
                + "WHERE complaint_id = ?", Integer.class, id);
        jdbc.update("INSERT INTO complaint_step (complaint_id, position, kind, on_day, at, by_user, org_code, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, next, kind, on, Timestamp.from(Instant.now(clock)), by, org,
                detail);
    }

    private static String stepLabel(String kind) {
        switch (kind) {
            case "RECEIVED":
                return "收到";
            case "TRANSFERRED":
                return "转办";
            case "REMINDED":
                return "到期提醒";
            case "OVERDUE":
                return "逾期";
            case "ANSWERED":
                return "答复";
            default:
                return kind;
        }
    }

    private String orgName(String code) {
        return organisations.find(code).map(o -> o.name()).orElse(code);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
    }

    private static FloodLimits.Limit limit(ComplaintsProperties.Limit l) {
        return new FloodLimits.Limit(l.maxPerAddress(), l.window());
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
