package gongkai.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.calendar.Deadline;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.privacy.Finding;
import gongkai.privacy.PersonalDataGuard;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ContactFormats;
import gongkai.shared.FloodLimits;
import gongkai.shared.FormText;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicPagesChanged;

/**
 * 咨询留言: questions to a body and their answers. A question arrives from the public form or the API (flood-limited
 * per client address, {@code gongkai.feedback.messages.*}) with a tracking number and a private code; it is due
 * within {@code gongkai.feedback.messages.due-days} working days (default 5). The body's EDITOR writes the answer,
 * another of its staff, a REVIEWER or APPROVER, reviews it and decides whether question and answer are published —
 * never when the asker asked for privacy, and never unmasked when the privacy guard finds personal data in them.
 * The asker's name and contact are read by the body's staff only. A published question may become a FAQ entry of a
 * catalogue item.
 */
@Service
@Transactional
public class Messages {

    /** The same answer for an unknown number and a wrong code, so that neither can be guessed one at a time. */
    public static final String LOOKUP_FAILED = "留言编号或查询码不正确，请核对后重试。";
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 10;
    private static final String ASK_ACTION = "message.ask";
    private static final String LOOKUP_ACTION = "message.lookup";
    private static final int LIST_LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final Catalog catalog;
    private final WorkingDayCalendar calendar;
    private final PersonalDataGuard guard;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FloodLimits floodLimits;
    private final int dueDays;
    private final FloodLimits.Limit askLimit;
    private final FloodLimits.Limit lookupLimit;
    private final SecureRandom random = new SecureRandom();

    Messages(JdbcTemplate jdbc, Organisations organisations, Catalog catalog, WorkingDayCalendar calendar,
            PersonalDataGuard guard, Clock clock, ApplicationEventPublisher events, FloodLimits floodLimits,
            @Value("${gongkai.feedback.messages.due-days:5}") int dueDays,
            @Value("${gongkai.feedback.messages.max-per-address:5}") int asksPerAddress,
            @Value("${gongkai.feedback.messages.window:1h}") Duration askWindow,
            @Value("${gongkai.feedback.messages.lookup.max-per-address:10}") int lookupsPerAddress,
            @Value("${gongkai.feedback.messages.lookup.window:15m}") Duration lookupWindow) {
        if (dueDays < 1) {
            throw new IllegalArgumentException("gongkai.feedback.messages.due-days must be at least 1");
        }
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalog = catalog;
        this.calendar = calendar;
        this.guard = guard;
        this.clock = clock;
        this.events = events;
        this.floodLimits = floodLimits;
        this.dueDays = dueDays;
        this.askLimit = new FloodLimits.Limit(asksPerAddress, askWindow);
        this.lookupLimit = new FloodLimits.Limit(lookupsPerAddress, lookupWindow);
    }

    /** The bodies one may ask, in the directory's order. */
    @Transactional(readOnly = true)
    public List<Organisation> bodies() {
        return organisations.all();
    }

    /** The number of working days a body has to answer. */
    public int dueDays() {
        return dueDays;
    }

    /**
     * A question from the public (form or API). Bad input is refused naming the field and counts for nothing; a
     * client that has asked too often lately is refused with {@link gongkai.shared.TooManyRequestsProblem}.
     */
    public MessageReceipt ask(NewMessage input) {
        NewMessage m = validated(input);
        floodLimits.pass(ASK_ACTION, askLimit, "从您的网络地址提交的留言过多，请" + askLimit.windowText()
                + "后再试；也可以拨打被咨询单位的办公电话。");
        return insert(m, LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)), false);
    }

    /** A demo question (示例数据) received on the given day, validated as any other; for the demo loader only. */
    public MessageReceipt askDemo(NewMessage input, LocalDate receivedOn) {
        return insert(validated(input), receivedOn, true);
    }

    private NewMessage validated(NewMessage m) {
        List<FieldError> errors = new ArrayList<>();
        String org = strip(m.org());
        if (org == null) {
            errors.add(new FieldError("org", "请选择要咨询的单位。"));
        } else if (organisations.find(org).filter(o -> o.kind().disclosesInformation()).isEmpty()) {
            errors.add(new FieldError("org", "要咨询的单位“" + org + "”不存在。"));
        }
        String subject = FormText.required(errors, "subject", "留言标题", m.subject(), 100);
        String question = FormText.required(errors, "question", "咨询内容", m.question(), 2000);
        String name = FormText.required(errors, "name", "姓名", m.name(), 50);
        String phone = strip(m.phone());
        String email = strip(m.email());
        if (phone == null && email == null) {
            errors.add(new FieldError("phone", "请填写联系电话或电子邮箱，以便被咨询单位联系您。"));
        }
        if (phone != null && !ContactFormats.isPersonalPhone(phone)) {
            errors.add(new FieldError("phone", "联系电话“" + phone + "”格式不正确，请填写手机号码或带区号的固定电话。"));
        }
        if (email != null && !ContactFormats.isEmail(email)) {
            errors.add(new FieldError("email", "电子邮箱“" + email + "”格式不正确。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return new NewMessage(org, subject, question, name, phone == null ? null : phone.replace(" ", ""), email,
                m.keepPrivate());
    }


    private MessageReceipt insert(NewMessage m, LocalDate receivedOn, boolean demo) {
        Deadline due = calendar.deadline(receivedOn, dueDays);
        String code = newCode();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO message (org_code, subject, question, asker_name, asker_phone, "
                    + "asker_email, wants_private, code_hash, received_on, due_on, due_covered, created_at, status, "
                    + "demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, m.org());
            ps.setString(2, m.subject());
            ps.setString(3, m.question());
            ps.setString(4, m.name());
            ps.setString(5, m.phone());
            ps.setString(6, m.email());
            ps.setBoolean(7, m.keepPrivate());
            ps.setString(8, sha256(code));
            ps.setObject(9, receivedOn);
            ps.setObject(10, due.dueOn());
            ps.setBoolean(11, due.covered());
            ps.setTimestamp(12, Timestamp.from(Instant.now(clock)));
            ps.setString(13, MessageStatus.RECEIVED.name());
            ps.setBoolean(14, demo);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        String no = "LY" + receivedOn.getYear() + "-" + String.format("%06d", id);
        jdbc.update("UPDATE message SET tracking_no = ? WHERE id = ?", no, id);
        return new MessageReceipt(no, code, receivedOn, due.dueOn(), due.covered());
    }

    /**
     * The asker's view with the private code; one message for an unknown number and a wrong code. Every look-up
     * counts against the client's limit ({@code gongkai.feedback.messages.lookup.*}).
     */
    @Transactional(readOnly = true)
    public TrackedMessage track(String trackingNo, String code) {
        floodLimits.pass(LOOKUP_ACTION, lookupLimit, "从您的网络地址查询留言的次数过多，请" + lookupLimit.windowText()
                + "后再试。");
        String no = strip(trackingNo);
        String c = strip(code);
        List<String[]> rows = no == null ? List.of() : jdbc.query("SELECT id, code_hash FROM message "
                + "WHERE tracking_no = ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                no.toUpperCase(Locale.ROOT));
        // Hash even when nothing was found, so that timing says nothing either.
        byte[] given = sha256(c == null ? "" : normalise(c)).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = rows.isEmpty() ? new byte[64] : rows.get(0)[1].getBytes(StandardCharsets.US_ASCII);
        if (rows.isEmpty() | c == null | !MessageDigest.isEqual(given, stored)) {
            throw new InvalidInputProblem("code", LOOKUP_FAILED);
        }
        Message m = load(Long.parseLong(rows.get(0)[0]));
        boolean answered = m.status() == MessageStatus.ANSWERED;
        return new TrackedMessage(m.trackingNo(), m.orgName(), m.subject(), m.question(), m.receivedOn(), m.dueOn(),
                answered ? "已答复" : "办理中", answered ? m.answer() : null, m.releasedOn(), m.published());
    }

    /** The questions this person's body was asked (every body's for the city office's ADMIN), open ones first. */
    @Transactional(readOnly = true)
    public List<Message> inbox(Actor actor) {
        if (actor == null || actor.orgCode() == null || actor.roles().isEmpty()) {
            throw new AccessDeniedProblem("只有各单位的工作人员可以查看咨询留言。");
        }
        String order = " ORDER BY CASE status WHEN 'RECEIVED' THEN 0 WHEN 'DRAFTED' THEN 1 ELSE 2 END, due_on, id";
        List<Message> all = actor.cityWide() ? jdbc.query(SELECT + order, this::map)
                : jdbc.query(SELECT + " WHERE org_code = ?" + order, this::map, actor.orgCode());
        return all.stream().filter(m -> m.whyCannotRead(actor).isEmpty()).toList();
    }

    /** Whether the back office's inbox is for this person: staff of a body. */
    public static boolean mayUseInbox(Actor actor) {
        return actor != null && actor.orgCode() != null && !actor.roles().isEmpty();
    }

    /** One question with the asker's contact, for the body's staff only. */
    @Transactional(readOnly = true)
    public Message message(long id, Actor actor) {
        Message m = load(id);
        m.whyCannotRead(actor).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        return m;
    }

    /** What the privacy guard finds in the subject, question and answer: shown to the reviewer. */
    public List<Finding> findings(Message m) {
        List<Finding> all = new ArrayList<>(guard.scan(m.subject(), "标题"));
        all.addAll(guard.scan(m.question(), "咨询内容"));
        if (m.answer() != null) {
            all.addAll(guard.scan(m.answer(), "答复"));
        }
        return all;
    }

    /** The body's EDITOR writes (or rewrites, until it is released) the answer; it then waits for review. */
    public Message answer(long id, String answer, Actor by) {
        Message m = load(id);
        m.whyCannotAnswer(by).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        List<FieldError> errors = new ArrayList<>();
        String text = FormText.required(errors, "answer", "答复内容", answer, 4000);
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        jdbc.update("UPDATE message SET status = ?, answer = ?, answered_by = ?, answered_at = ? WHERE id = ? "
                + "AND status <> 'ANSWERED'", MessageStatus.DRAFTED.name(), text, by.username(),
                Timestamp.from(Instant.now(clock)), id);
        events.publishEvent(new AuditedChange("message.answer", "message", m.trackingNo(), "撰写答复：" + m.subject()));
        return load(id);
    }

    /**
     * The body's review of the written answer: release it (published, published masked, or to the asker only), or
     * return it to the editor with a note. Publishing is refused when the asker asked for privacy, and publishing as
     * written is refused when the privacy guard finds personal data; nothing changes then.
     */
    public Message review(long id, String decisionText, String note, Actor by) {
        Message m = load(id);
        m.whyCannotReview(by).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        ReviewDecision decision = ReviewDecision.parse(decisionText);
        if (decision == null) {
            throw new InvalidInputProblem("decision", "请选择审核意见：PUBLISH（公开发布）、PUBLISH_MASKED（遮蔽个人信息后公开发布）、"
                    + "KEEP_PRIVATE（仅答复留言人）或 RETURN（退回修改）。");
        }
        String n = strip(note);
        if (n != null && n.length() > 500) {
            throw new InvalidInputProblem("note", "审核意见说明不能超过500个字，现为" + n.length() + "个字。");
        }
        if (decision == ReviewDecision.RETURN) {
            if (n == null) {
                throw new InvalidInputProblem("note", "退回修改时请写明需要修改的地方。");
            }
            jdbc.update("UPDATE message SET status = ?, review_note = ?, reviewed_by = ? WHERE id = ?",
                    MessageStatus.RECEIVED.name(), n, by.username(), id);
            events.publishEvent(new AuditedChange("message.return", "message", m.trackingNo(), "退回修改：" + n));
            return load(id);
        }
        boolean publish = decision != ReviewDecision.KEEP_PRIVATE;
        String subject = m.subject();
        String question = m.question();
        String answer = m.answer();
        if (publish) {
            if (m.wantsPrivate()) {
                throw new InvalidInputProblem("decision", "留言人要求不公开本留言，只能选择“仅答复留言人，不公开”。");
            }
            List<Finding> findings = findings(m);
            if (!findings.isEmpty() && decision == ReviewDecision.PUBLISH) {
                throw new InvalidInputProblem("decision", "留言中有个人信息，不能原样公开："
                        + String.join("", findings.stream().map(Finding::message).toList())
                        + "请选择遮蔽个人信息后公开，或仅答复留言人。");
            }
            subject = guard.applySuggestions(subject, guard.scan(subject, "标题"));
            question = guard.applySuggestions(question, guard.scan(question, "咨询内容"));
            answer = guard.applySuggestions(answer, guard.scan(answer, "答复"));
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        jdbc.update("UPDATE message SET status = ?, review_note = ?, reviewed_by = ?, released_on = ?, published = ?, "
                + "public_subject = ?, public_question = ?, public_answer = ? WHERE id = ? AND status = 'DRAFTED'",
                MessageStatus.ANSWERED.name(), n, by.username(), today, publish, publish ? subject : null,
                publish ? question : null, publish ? answer : null, id);
        events.publishEvent(new AuditedChange("message.review", "message", m.trackingNo(),
                decision.label() + "：" + m.subject()));
        return load(id);
    }

    /**
     * Makes a published question a FAQ entry (常见问题) of a catalogue item, shown on the item's page; a blank item
     * takes it off again.
     */
    public Message promote(long id, String itemCode, Actor by) {
        Message m = load(id);
        m.whyCannotPromote(by).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        String code = strip(itemCode);
        if (code != null) {
            Optional<CatalogItem> item = catalog.item(code);
            if (item.isEmpty() || item.get().retired()) {
                throw new InvalidInputProblem("item", item.isEmpty() ? "目录事项“" + code + "”不存在。"
                        : "目录事项“" + item.get().name() + "”已停用，不能添加常见问题。");
            }
        }
        jdbc.update("UPDATE message SET faq_item = ? WHERE id = ?", code, id);
        List<String> tags = new ArrayList<>();
        if (code != null) {
            tags.add(PublicPagesChanged.item(code));
        }
        if (m.faqItem() != null) {
            tags.add(PublicPagesChanged.item(m.faqItem()));
        }
        events.publishEvent(new AuditedChange("message.faq", "message", m.trackingNo(),
                (code == null ? "取消常见问题" : "设为目录事项" + code + "的常见问题") + "：" + m.subject()));
        events.publishEvent(new PublicPagesChanged(java.util.Set.copyOf(tags)));
        return load(id);
    }

    /**
     * Published questions, newest answer first (at most 200): of one body when {@code org} is given, and holding
     * {@code text} in the subject, question or answer when it is given (a plain substring match).
     */
    @Transactional(readOnly = true)
    public List<PublishedMessage> published(String org, String text) {
        StringBuilder sql = new StringBuilder(SELECT_PUBLIC + " WHERE published");
        List<Object> args = new ArrayList<>();
        String o = strip(org);
        if (o != null) {
            sql.append(" AND org_code = ?");
            args.add(o);
        }
        String t = strip(text);
        if (t != null) {
            String like = "%" + t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            sql.append(" AND (LOWER(public_subject) LIKE ? ESCAPE '\\' OR LOWER(public_question) LIKE ? ESCAPE '\\' "
                    + "OR LOWER(public_answer) LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        sql.append(" ORDER BY released_on DESC, id DESC LIMIT " + LIST_LIMIT);
        return jdbc.query(sql.toString(), this::mapPublic, args.toArray());
    }

    /** The FAQ entries of a catalogue item, oldest first. */
    @Transactional(readOnly = true)
    public List<PublishedMessage> faq(String itemCode) {
        return jdbc.query(SELECT_PUBLIC + " WHERE published AND faq_item = ? ORDER BY released_on, id", this::mapPublic,
                itemCode);
    }

    /** Per body that was asked anything: received, answered, answered by the due date; in the directory's order. */
    @Transactional(readOnly = true)
    public List<MessageCounts> counts() {
        Map<String, String> names = organisations.namesByCode();
        Map<String, MessageCounts> byOrg = new java.util.HashMap<>();
        jdbc.query("SELECT org_code, COUNT(*), SUM(CASE WHEN status = 'ANSWERED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN status = 'ANSWERED' AND released_on <= due_on THEN 1 ELSE 0 END) FROM message "
                + "GROUP BY org_code", rs -> {
                    String org = rs.getString(1);
                    byOrg.put(org, new MessageCounts(org, names.getOrDefault(org, org), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4)));
                });
        List<MessageCounts> ordered = new ArrayList<>();
        names.keySet().stream().filter(byOrg::containsKey).forEach(c -> ordered.add(byOrg.remove(c)));
        ordered.addAll(byOrg.values());
        return ordered;
    }

    private static final String SELECT = "SELECT id, tracking_no, org_code, subject, question, asker_name, "
            + "asker_phone, asker_email, wants_private, received_on, due_on, due_covered, status, answer, answered_by, "
            + "review_note, reviewed_by, released_on, published, faq_item, demo FROM message";
    private static final String SELECT_PUBLIC = "SELECT tracking_no, org_code, public_subject, public_question, "
            + "public_answer, received_on, released_on, faq_item, demo FROM message";

    private Message load(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", this::map, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的留言。"));
    }

    private Message map(ResultSet rs, int n) throws SQLException {
        String org = rs.getString("org_code");
        return new Message(rs.getLong("id"), rs.getString("tracking_no"), org, orgName(org), rs.getString("subject"),
                rs.getString("question"), rs.getString("asker_name"), rs.getString("asker_phone"),
                rs.getString("asker_email"), rs.getBoolean("wants_private"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("due_covered"),
                MessageStatus.valueOf(rs.getString("status")), rs.getString("answer"), rs.getString("answered_by"),
                rs.getString("review_note"), rs.getString("reviewed_by"), rs.getObject("released_on", LocalDate.class),
                rs.getBoolean("published"), rs.getString("faq_item"), rs.getBoolean("demo"));
    }

    private PublishedMessage mapPublic(ResultSet rs, int n) throws SQLException {
        String org = rs.getString("org_code");
        return new PublishedMessage(rs.getString("tracking_no"), org, orgName(org), rs.getString("public_subject"),
                rs.getString("public_question"), rs.getString("public_answer"),
                rs.getObject("received_on", LocalDate.class), rs.getObject("released_on", LocalDate.class),
                rs.getString("faq_item"), rs.getBoolean("demo"));
    }

    private String orgName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    private String newCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
    }

    private static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
