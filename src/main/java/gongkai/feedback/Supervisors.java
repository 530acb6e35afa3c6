package gongkai.feedback;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.Accounts;
import gongkai.assessment.CheckRecorded;
import gongkai.assessment.NewCheck;
import gongkai.assessment.Supervision;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.feedback.internal.SupervisorEntity;
import gongkai.feedback.internal.SupervisorRepository;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ContactFormats;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;
import gongkai.shared.SupervisorTerms;

/**
 * 社会监督员: the city office's ADMIN appoints supervisors for a term — each gets an account with the role SUPERVISOR —
 * and may end a term early; the public list shows who serves where. A supervisor files findings through the
 * supervision log ({@link Supervision}), which asks this service, as {@link SupervisorTerms}, whether their term
 * covers the day.
 */
@Service
@Transactional
public class Supervisors implements SupervisorTerms {

    /** The working days a body has to answer a supervisor's finding filed from the back-office form. */
    public static final int RECTIFICATION_WORKING_DAYS = 15;

    private static final int MAX_NAME = 50;
    private static final int MAX_URL = 500;
    private static final int MAX_TERM_YEARS = 5;
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SupervisorRepository supervisors;
    private final Accounts accounts;
    private final Regions regions;
    private final Supervision supervision;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Supervisors(SupervisorRepository supervisors, Accounts accounts, Regions regions, Supervision supervision,
            WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.supervisors = supervisors;
        this.accounts = accounts;
        this.regions = regions;
        this.supervision = supervision;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    // ----- appointment

    /** Who may appoint supervisors and end their terms: the city office's ADMIN. */
    public boolean mayAppoint(Actor actor) {
        return actor != null && actor.cityWide() && actor.has(Role.ADMIN);
    }

    /**
     * 聘任社会监督员 (the city office's ADMIN, signed in as {@code by}): the appointment and the supervisor's account,
     * whose initial password is answered once. Every problem of the input is listed at once; nothing is stored then.
     */
    public SupervisorAppointed appoint(NewSupervisor in, Actor by) {
        return appoint(in, by, false);
    }

    /** An appointment of the demo data (示例数据), by the same rules, marked so that it is loaded once. */
    public SupervisorAppointed appointDemo(NewSupervisor in, Actor by) {
        return appoint(in, by, true);
    }

    /** Whether the demo supervisors are loaded. */
    @Transactional(readOnly = true)
    public boolean demoLoaded() {
        return supervisors.existsByDemoTrue();
    }

    private SupervisorAppointed appoint(NewSupervisor in, Actor by, boolean demo) {
        if (!mayAppoint(by)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以任命社会监督员。");
        }
        LocalDate today = today();
        LocalDate startsOn = in.termStartsOn() == null ? today : in.termStartsOn();
        List<FieldError> errors = new ArrayList<>();
        String name = strip(in.name());
        if (name == null) {
            errors.add(new FieldError("name", "请填写社会监督员的姓名。"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "姓名不能超过" + MAX_NAME + "个字。"));
        }
        String phone = strip(in.phone());
        if (phone == null) {
            errors.add(new FieldError("phone", "请填写联系电话。"));
        } else if (!ContactFormats.isPersonalPhone(phone)) {
            errors.add(new FieldError("phone", "联系电话“" + phone + "”不是有效的电话号码（手机号为11位，座机如0795-3201234）。"));
        }
        String region = strip(in.regionCode());
        if (region == null) {
            errors.add(new FieldError("regionCode", "请选择社会监督员负责监督的区域。"));
        } else if (!regions.exists(region)) {
            errors.add(new FieldError("regionCode", "没有代码为“" + region + "”的区划。"));
        }
        if (in.termEndsOn() == null) {
            errors.add(new FieldError("termEndsOn", "请填写任期结束日期。"));
        } else if (in.termEndsOn().isBefore(startsOn)) {
            errors.add(new FieldError("termEndsOn", "任期结束日期（" + in.termEndsOn() + "）不能早于开始日期（" + startsOn + "）。"));
        } else if (in.termEndsOn().isBefore(today)) {
            errors.add(new FieldError("termEndsOn", "任期结束日期（" + in.termEndsOn() + "）已经过去，不能任命。"));
        } else if (in.termEndsOn().isAfter(startsOn.plusYears(MAX_TERM_YEARS))) {
            errors.add(new FieldError("termEndsOn", "任期不能超过" + MAX_TERM_YEARS + "年。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        String username = freeUsername();
        String password = initialPassword(username);
        accounts.createSupervisor(username, name, password);
        SupervisorEntity saved = supervisors.save(new SupervisorEntity(username, name, phone, region, startsOn,
                in.termEndsOn(), by.username(), demo));
        events.publishEvent(new AuditedChange("supervisor.appoint", "supervisor", saved.getId().toString(),
                "任命社会监督员" + name + "（" + regions.get(region).name() + "，任期" + startsOn + "至" + in.termEndsOn()
                        + "），账号 " + username));
        return new SupervisorAppointed(saved.getId(), username, password);
    }

    /** 提前结束任期 (the city office's ADMIN): from today the supervisor may no longer file; the reason is required. */
    public Supervisor endTerm(long id, String reason, Actor by) {
        if (!mayAppoint(by)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以结束社会监督员的任期。");
        }
        SupervisorEntity s = load(id);
        s.endEarly(reason, today());
        events.publishEvent(new AuditedChange("supervisor.end-term", "supervisor", s.getId().toString(),
                "提前结束社会监督员" + s.getName() + "的任期：" + reason.strip()));
        return view(s);
    }

    // ----- reading

    /** Every supervisor with their phone, for the city office's ADMIN; the latest terms first. */
    @Transactional(readOnly = true)
    public List<Supervisor> all(Actor reader) {
        if (!mayAppoint(reader)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以查看社会监督员的联系方式。");
        }
        return views(supervisors.findAllByOrderByTermEndsOnDescIdDesc());
    }

    /** The public list: serving supervisors first, then those whose term is yet to begin, then past ones. */
    @Transactional(readOnly = true)
    public List<SupervisorListing> listing() {
        return views(supervisors.findAllByOrderByTermEndsOnDescIdDesc()).stream().map(Supervisor::listing)
                .sorted(java.util.Comparator.comparing(l -> switch (l.status()) {
                    case SERVING -> 0;
                    case NOT_STARTED -> 1;
                    default -> 2;
                })).toList();
    }

    /** The signed-in supervisor's own appointment. */
    @Transactional(readOnly = true)
    public Supervisor own(Actor supervisor) {
        return supervisors.findByUsername(supervisor.username()).map(this::view)
                .orElseThrow(() -> new AccessDeniedProblem("您不是社会监督员。"));
    }

    @Override
    @Transactional(readOnly = true)
    public Standing standing(String username, LocalDate day) {
        return supervisors.findByUsername(username)
                .map(s -> new Standing(s.getName() + "（监督员" + s.getId() + "号）", s.refusalOn(day)))
                .orElseGet(() -> new Standing(null, "您的账号没有社会监督员的任命，不能提交监督发现。"));
    }

    // ----- filing

    /**
     * 提交监督发现 from the back-office form: one finding for the body, the place written into it, recorded in the
     * supervision log with a deadline {@link #RECTIFICATION_WORKING_DAYS} working days away. Answers the finding's
     * number. A supervisor out of term is refused by the log and nothing is stored.
     */
    public long file(SupervisorReport report, Actor by) {
        List<FieldError> errors = new ArrayList<>();
        String saw = strip(report.saw());
        if (saw == null) {
            errors.add(new FieldError("saw", "请写明您看到的问题。"));
        }
        String region = strip(report.regionCode());
        if (region == null) {
            errors.add(new FieldError("regionCode", "请选择问题所在的区域。"));
        } else if (!regions.exists(region)) {
            errors.add(new FieldError("regionCode", "没有代码为“" + region + "”的区划。"));
        }
        String url = strip(report.pageUrl());
        if (url != null && (url.length() > MAX_URL || !url.matches("(?i)https?://[^\\s]+"))) {
            errors.add(new FieldError("pageUrl", "页面地址应以 http:// 或 https:// 开头，不含空格，不超过" + MAX_URL + "个字符。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        String where = "（地点：" + regions.path(region).stream().map(Region::name).collect(Collectors.joining(""))
                + (url == null ? "" : "；页面：" + url) + "）";
        LocalDate today = today();
        String scope = strip(report.scope()) == null ? "CONTENT" : report.scope().strip();
        CheckRecorded recorded = supervision.recordCheck(new NewCheck(report.org(), today, List.of(scope),
                List.of(new NewCheck.Finding(saw + where, null, strip(report.record()),
                        calendar.plusWorkingDays(today, RECTIFICATION_WORKING_DAYS)))), by);
        return recorded.findingIds().get(0);
    }

    // -----

    private SupervisorEntity load(long id) {
        return supervisors.findById(id).orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的社会监督员。"));
    }

    private Supervisor view(SupervisorEntity s) {
        return s.toSupervisor(regions.find(s.getRegionCode()).map(Region::name).orElse(s.getRegionCode()), today());
    }

    private List<Supervisor> views(List<SupervisorEntity> list) {
        Map<String, String> names = regions.all().stream().collect(Collectors.toMap(Region::code, Region::name));
        LocalDate today = today();
        return list.stream().map(s -> s.toSupervisor(names.getOrDefault(s.getRegionCode(), s.getRegionCode()), today))
                .toList();
    }

    /** jdy0001, jdy0002…: short enough to read out on the phone when the office hands the account over. */
    private String freeUsername() {
        long n = supervisors.count() + 1;
        while (accounts.find(String.format("jdy%04d", n)).isPresent()) {
            n++;
        }
        return String.format("jdy%04d", n);
    }

    private static String initialPassword(String username) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
            }
            try {
                Accounts.checkPassword("password", sb.toString(), username);
                return sb.toString();
            } catch (InvalidInputProblem e) {
                // Rarely a draw holds one kind of character only; draw again.
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
