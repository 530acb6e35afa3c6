package gongkai.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.assessment.internal.supervision.CheckValidation;
import gongkai.assessment.internal.supervision.FindingViews;
import gongkai.assessment.internal.supervision.QuarterSummaries;
import gongkai.assessment.internal.supervision.SupervisionCheckEntity;
import gongkai.assessment.internal.supervision.SupervisionCheckRepository;
import gongkai.assessment.internal.supervision.SupervisionFindingEntity;
import gongkai.assessment.internal.supervision.SupervisionFindingRepository;
import gongkai.assessment.internal.supervision.SupervisionSummaryEntity;
import gongkai.assessment.internal.supervision.SupervisionSummaryRepository;
import gongkai.catalog.ReportingPeriod;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;
import gongkai.shared.SupervisorTerms;

/**
 * 督查整改: an auditor's checks of a body (content, channels, timeliness) and the rectification cycle of their
 * findings — the body's APPROVER answers, the auditor accepts or reopens — each step in the finding's history and in
 * the audit trail; and the quarterly summaries the public reads. The finding decides who may do what
 * ({@link FindingActions}); each use case here loads it, asks it to act, and records the change.
 */
@Service
@Transactional
public class Supervision {

    private static final int LIST_LIMIT = 1000;
    private static final int AUDIT_TEXT = 500;

    private final SupervisionCheckRepository checks;
    private final SupervisionFindingRepository findings;
    private final SupervisionSummaryRepository summaries;
    private final CheckValidation validation;
    private final FindingViews views;
    private final QuarterSummaries quarterSummaries;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final GongkaiProperties properties;
    private final org.springframework.beans.factory.ObjectProvider<SupervisorTerms> supervisorTerms;
    private final Clock clock;

    Supervision(SupervisionCheckRepository checks, SupervisionFindingRepository findings,
            SupervisionSummaryRepository summaries, CheckValidation validation, FindingViews views,
            QuarterSummaries quarterSummaries, Organisations organisations, ApplicationEventPublisher events,
            GongkaiProperties properties, org.springframework.beans.factory.ObjectProvider<SupervisorTerms> supervisorTerms,
            Clock clock) {
        this.checks = checks;
        this.findings = findings;
        this.summaries = summaries;
        this.validation = validation;
        this.views = views;
        this.quarterSummaries = quarterSummaries;
        this.organisations = organisations;
        this.events = events;
        this.properties = properties;
        this.supervisorTerms = supervisorTerms;
        this.clock = clock;
    }

    // ----- the cycle

    /**
     * 记录督查 (AUDITOR), or a social supervisor's findings (SUPERVISOR, within their term, recorded with the source
     * {@link FindingSource#SUPERVISOR}): the check and its findings, each open; every problem of the input listed at
     * once.
     */
    public CheckRecorded recordCheck(NewCheck check, Actor by) {
        SupervisorTerms.Standing supervisor = null;
        if (!by.has(Role.AUDITOR)) {
            if (!by.has(Role.SUPERVISOR)) {
                throw new AccessDeniedProblem("只有督查人员可以记录督查情况。");
            }
            supervisor = supervisorStanding(by);
        }
        validation.require(check, today());
        List<CheckScope> scope = check.scope().stream().map(s -> CheckScope.parse(s).orElseThrow()).distinct()
                .sorted().toList();
        SupervisionCheckEntity saved = checks.save(supervisor == null
                ? new SupervisionCheckEntity(check.org().strip(), check.checkedOn(), scope, by.username())
                : new SupervisionCheckEntity(check.org().strip(), check.checkedOn(), scope, by.username(),
                        FindingSource.SUPERVISOR, supervisor.reference()));
        Instant at = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (NewCheck.Finding f : check.findings()) {
            SupervisionFindingEntity finding = findings.save(new SupervisionFindingEntity(saved, f.problem().strip(),
                    blankToNull(f.item()), blankToNull(f.record()), f.deadline(), by.username(), at));
            ids.add(finding.getId());
        }
        events.publishEvent(new AuditedChange("supervision.check", "supervision_check", saved.getId().toString(),
                (supervisor == null ? "督查" : FindingSource.SUPERVISOR.label() + supervisor.reference() + "监督")
                        + organisations.get(saved.getOrgCode()).name() + "（" + saved.getCheckedOn() + "，范围："
                        + String.join("、", scope.stream().map(CheckScope::label).toList()) + "）："
                        + (ids.isEmpty() ? "未发现问题" : "发现问题" + ids.size() + "个")));
        for (int i = 0; i < ids.size(); i++) {
            NewCheck.Finding f = check.findings().get(i);
            audit("supervision.finding", ids.get(i), "记录问题：" + f.problem().strip() + "；整改期限" + f.deadline());
        }
        return new CheckRecorded(saved.getId(), ids);
    }

    /**
     * A finding raised outside a check (a substantiated complaint, a social supervisor's finding), which the calling
     * module has authorised. It is recorded as a check of its own with its source, so that its rectification cycle,
     * the summaries and the assessment treat it as any other finding. Returns the finding's id.
     */
    public long raise(RaisedFinding in) {
        List<String> problems = new ArrayList<>();
        if (in.org() == null || !organisations.exists(in.org())) {
            problems.add("没有代码为“" + in.org() + "”的机构。");
        }
        if (in.problem() == null || in.problem().isBlank()) {
            problems.add("请写明发现的问题。");
        }
        if (in.deadline() == null || in.deadline().isBefore(today())) {
            problems.add("整改期限不能早于今天。");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputProblem("finding", String.join("", problems));
        }
        SupervisionCheckEntity saved = checks.save(new SupervisionCheckEntity(in.org(), today(),
                List.of(in.scope() == null ? CheckScope.CONTENT : in.scope()), in.raisedBy(), in.source(),
                in.sourceRef()));
        SupervisionFindingEntity finding = findings.save(new SupervisionFindingEntity(saved, in.problem().strip(),
                blankToNull(in.item()), blankToNull(in.record()), in.deadline(), in.raisedBy(), clock.instant()));
        audit("supervision.finding", finding.getId(), in.source().label() + "（" + in.sourceRef() + "）提出问题："
                + in.problem().strip() + "；整改期限" + in.deadline());
        return finding.getId();
    }

    /** 提交整改情况: the APPROVER of the finding's organisation reports what was done. */
    public FindingDetail rectify(long findingId, String text, Actor by) {
        SupervisionFindingEntity f = load(findingId).rectify(text, by, today(), clock.instant());
        audit("supervision.rectify", findingId, "提交整改情况：" + f.getRectification());
        return detail(f, by);
    }

    /** 确认销号 (AUDITOR): the rectification is accepted and the finding closed. */
    public FindingDetail accept(long findingId, Actor by) {
        SupervisionFindingEntity f = load(findingId).accept(by, today(), clock.instant());
        audit("supervision.accept", findingId, "确认整改，销号");
        return detail(f, by);
    }

    /** 退回重新整改 (AUDITOR): the rectification is not enough; the reason is required. */
    public FindingDetail reopen(long findingId, String reason, Actor by) {
        SupervisionFindingEntity f = load(findingId).reopen(reason, by, clock.instant());
        audit("supervision.reopen", findingId, "退回重新整改：" + reason.strip());
        return detail(f, by);
    }

    // ----- reading

    /**
     * A finding with its history and what the reader may do: for auditors, the city office, the body's staff and the
     * social supervisor who filed it.
     */
    @Transactional(readOnly = true)
    public FindingDetail finding(long findingId, Actor reader) {
        SupervisionFindingEntity f = load(findingId);
        if (!mayRead(reader, f.getOrgCode()) && !filedBySupervisor(reader, f)) {
            throw new AccessDeniedProblem("您只能查看本单位的督查问题。");
        }
        return detail(f, reader);
    }

    /** The findings a social supervisor filed, newest first: theirs alone, whatever their term. */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> filedBy(Actor supervisor) {
        if (!supervisor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedProblem("只有社会监督员有自己提交的监督发现。");
        }
        List<Long> ids = checks.findBySourceAndCheckedBy(FindingSource.SUPERVISOR, supervisor.username()).stream()
                .map(SupervisionCheckEntity::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SupervisionFindingEntity> list = new ArrayList<>(findings.findByCheckIdInOrderByIdAsc(ids));
        java.util.Collections.reverse(list);
        return views.of(list, today());
    }

    /** A body's findings from checks dated in the year, for its assessment. Applies no access rule. */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> findingsOf(String org, int year) {
        return views.of(findings.findByOrgCodeAndCheckedOnBetweenOrderByIdAsc(org, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)), today());
    }

    /** Findings still awaiting rectification (OPEN or REOPENED) whose deadline passed before {@code today}. */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> overdue(LocalDate today) {
        return views.of(findings.findByStatusInAndDeadlineBeforeOrderByDeadlineAscIdAsc(
                EnumSet.of(FindingStatus.OPEN, FindingStatus.REOPENED), today), today);
    }

    /**
     * The back office's list: every body's findings for auditors and the city office, one's own for others; the
     * overdue first, then those awaiting rectification, awaiting acceptance and closed, each by deadline.
     *
     * @param org    only this body's (ignored for those who see only their own); null for all
     * @param status only findings in this status; null for all
     */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> overview(Actor reader, String org, FindingStatus status) {
        String only = seesAllBodies(reader) ? blankToNull(org) : reader.orgCode();
        if (only == null && !seesAllBodies(reader)) {
            throw new AccessDeniedProblem("您不属于任何机构，没有可查看的督查问题。");
        }
        List<SupervisionFindingEntity> list = only == null ? findings.findByOrderByIdDesc(Limit.of(LIST_LIMIT))
                : findings.findByOrgCodeOrderByIdDesc(only, Limit.of(LIST_LIMIT));
        return views.of(list.stream().filter(f -> status == null || f.getStatus() == status).toList(), today())
                .stream().sorted(Comparator.comparing((SupervisionFinding f) -> !f.overdue())
                        .thenComparing(f -> f.status().awaitsRectification() ? 0 : f.status() == FindingStatus.RECTIFIED ? 1 : 2)
                        .thenComparing(SupervisionFinding::deadline)).toList();
    }

    /** Auditors and the city office's staff see every body's findings; others their own organisation's. */
    public boolean seesAllBodies(Actor reader) {
        return reader.has(Role.AUDITOR) || reader.cityWide() || properties.cityOffice().equals(reader.orgCode());
    }

    // ----- quarterly summaries

    /** Who may publish a quarter's summary: an auditor or the city office's ADMIN. */
    public boolean mayPublishSummaries(Actor actor) {
        return actor.has(Role.AUDITOR) || actor.cityWide();
    }

    /** 发布督查整改情况通报 for a quarter that has ended ({@code 2026-Q3}); once per quarter. */
    public SupervisionSummary.Published publishSummary(String quarter, Actor by) {
        if (!mayPublishSummaries(by)) {
            throw new AccessDeniedProblem("只有督查人员或市政府办管理员可以发布督查整改情况通报。");
        }
        ReportingPeriod period = parseQuarter(quarter).orElseThrow(() -> new InvalidInputProblem("quarter",
                "季度应写作 2026-Q3 这样的形式，而不是“" + (quarter == null ? "" : quarter.strip()) + "”。"));
        if (!today().isAfter(period.lastDay())) {
            throw new InvalidInputProblem("quarter", period.describe() + "尚未结束（截至" + period.lastDay()
                    + "），结束后才能发布通报。");
        }
        if (summaries.existsById(period.toString())) {
            throw new ConflictProblem(period.describe() + "的督查整改情况通报已经发布。");
        }
        SupervisionSummaryEntity saved = summaries.save(new SupervisionSummaryEntity(period.toString(),
                clock.instant(), by.username()));
        events.publishEvent(new AuditedChange("supervision.summary", "supervision_summary", saved.getQuarter(),
                "发布" + period.describe() + "督查整改情况通报"));
        return new SupervisionSummary.Published(saved.getQuarter(), period.describe(), saved.getPublishedAt());
    }

    /** The published quarters, latest first. */
    @Transactional(readOnly = true)
    public List<SupervisionSummary.Published> publishedQuarters() {
        return summaries.findAllByOrderByQuarterDesc().stream().map(s -> new SupervisionSummary.Published(
                s.getQuarter(), ReportingPeriod.parse(s.getQuarter()).describe(), s.getPublishedAt())).toList();
    }

    /** A published quarter's summary, counts as of today; {@link NotFoundProblem} for one not published. */
    @Transactional(readOnly = true)
    public SupervisionSummary summary(String quarter) {
        ReportingPeriod period = parseQuarter(quarter).orElseThrow(() -> notPublished(quarter));
        SupervisionSummaryEntity published = summaries.findById(period.toString())
                .orElseThrow(() -> notPublished(quarter));
        return quarterSummaries.of(period, published.getPublishedAt(), today());
    }

    // -----

    private SupervisionFindingEntity load(long findingId) {
        return findings.findById(findingId)
                .orElseThrow(() -> new NotFoundProblem("没有编号为" + findingId + "的督查问题。"));
    }

    private FindingDetail detail(SupervisionFindingEntity f, Actor reader) {
        return new FindingDetail(views.of(f, today()), f.history(), f.allowedActions(reader));
    }

    private boolean mayRead(Actor reader, String org) {
        return seesAllBodies(reader) || (reader.canActFor(org) && !reader.roles().isEmpty());
    }

    private boolean filedBySupervisor(Actor reader, SupervisionFindingEntity f) {
        return reader.has(Role.SUPERVISOR) && checks.findById(f.getCheckId())
                .filter(c -> c.getSource() == FindingSource.SUPERVISOR && reader.username().equals(c.getCheckedBy()))
                .isPresent();
    }

    /** The supervisor's standing today, or the refusal when their term does not cover it; nothing is stored then. */
    private SupervisorTerms.Standing supervisorStanding(Actor by) {
        SupervisorTerms terms = supervisorTerms.getIfAvailable();
        SupervisorTerms.Standing standing = terms == null
                ? new SupervisorTerms.Standing(null, "平台未登记社会监督员的任期，暂不能提交监督发现。")
                : terms.standing(by.username(), today());
        if (!standing.mayFile()) {
            throw new AccessDeniedProblem(standing.refusal());
        }
        return standing;
    }

    private void audit(String action, long findingId, String detail) {
        events.publishEvent(new AuditedChange(action, "supervision_finding", Long.toString(findingId),
                detail.length() > AUDIT_TEXT ? detail.substring(0, AUDIT_TEXT) + "…" : detail));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static java.util.Optional<ReportingPeriod> parseQuarter(String text) {
        try {
            ReportingPeriod p = ReportingPeriod.parse(text);
            return p.kind() == ReportingPeriod.Kind.QUARTER ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static NotFoundProblem notPublished(String quarter) {
        return new NotFoundProblem("没有已发布的“" + quarter + "”督查整改情况通报。");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
