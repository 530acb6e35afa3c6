package gongkai.assessment.internal.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.assessment.FindingAction;
import gongkai.assessment.FindingActions;
import gongkai.assessment.FindingStatus;
import gongkai.assessment.FindingStep;
import gongkai.publishing.StepPermission;
import gongkai.publishing.StepPermission.Refusal;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/**
 * 督查发现的问题 and its rectification (整改): the aggregate that guards its own cycle. OPEN → RECTIFIED (the body's
 * APPROVER answers) → CLOSED (the auditor accepts) or REOPENED (the auditor sends it back, with a reason) →
 * RECTIFIED again. Each act first asks {@link #allowedActions} — the same answer the page offers its buttons from —
 * then changes the status and writes its step into the history. There is no status setter.
 */
@Entity
@Table(name = "supervision_finding")
public class SupervisionFindingEntity extends gongkai.shared.Timestamped {

    static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long checkId;
    private String orgCode;
    private LocalDate checkedOn;
    private String problem;
    private String catalogItem;
    private String recordIndexNo;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private FindingStatus status;
    private String rectification;
    private LocalDate rectifiedOn;
    private LocalDate closedOn;
    @Version
    private Long version;
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "finding_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<SupervisionFindingStepEntity> steps = new ArrayList<>();

    protected SupervisionFindingEntity() {
    }

    /** A finding as the auditor records it with the check: open, its first step in the history. */
    public SupervisionFindingEntity(SupervisionCheckEntity check, String problem, String catalogItem,
            String recordIndexNo, LocalDate deadline, String by, Instant at) {
        this.checkId = check.getId();
        this.orgCode = check.getOrgCode();
        this.checkedOn = check.getCheckedOn();
        this.problem = problem;
        this.catalogItem = catalogItem;
        this.recordIndexNo = recordIndexNo;
        this.deadline = deadline;
        this.status = FindingStatus.OPEN;
        steps.add(new SupervisionFindingStepEntity(at, by, FindingStep.Kind.RECORDED, problem));
    }

    /** For this actor, every action: allowed, or refused for the role (403) or the state (409), with the reason. */
    public FindingActions allowedActions(Actor actor) {
        Map<FindingAction, StepPermission> verdicts = new EnumMap<>(FindingAction.class);
        for (FindingAction action : FindingAction.values()) {
            verdicts.put(action, verdict(actor, action));
        }
        return new FindingActions(verdicts);
    }

    private StepPermission verdict(Actor actor, FindingAction action) {
        boolean role = switch (action) {
            case RECTIFY -> actor.has(Role.APPROVER) && orgCode.equals(actor.orgCode());
            case ACCEPT, REOPEN -> actor.has(Role.AUDITOR);
        };
        if (!role) {
            return StepPermission.refused(Refusal.ROLE, action == FindingAction.RECTIFY
                    ? "只有被督查机构的分管领导可以提交整改情况。" : "只有督查人员可以" + action.label() + "。");
        }
        boolean state = switch (action) {
            case RECTIFY -> status.awaitsRectification();
            case ACCEPT, REOPEN -> status == FindingStatus.RECTIFIED;
        };
        return state ? StepPermission.GRANTED : StepPermission.refused(Refusal.STATE,
                "该问题当前状态为“" + status.label() + "”，不能" + action.label() + "。");
    }

    /** 提交整改情况: the body's APPROVER says what was done. */
    public SupervisionFindingEntity rectify(String text, Actor by, LocalDate today, Instant at) {
        allowedActions(by).require(FindingAction.RECTIFY);
        String what = required(text, "text", "请填写整改情况：做了哪些整改、结果如何。", "整改情况");
        this.status = FindingStatus.RECTIFIED;
        this.rectification = what;
        this.rectifiedOn = today;
        steps.add(new SupervisionFindingStepEntity(at, by.username(), FindingStep.Kind.RECTIFIED, what));
        return this;
    }

    /** 确认销号: the auditor accepts the rectification; the finding is closed. */
    public SupervisionFindingEntity accept(Actor by, LocalDate today, Instant at) {
        allowedActions(by).require(FindingAction.ACCEPT);
        this.status = FindingStatus.CLOSED;
        this.closedOn = today;
        steps.add(new SupervisionFindingStepEntity(at, by.username(), FindingStep.Kind.ACCEPTED, null));
        return this;
    }

    /** 退回重新整改: the auditor finds the rectification wanting and says why; the body must answer again. */
    public SupervisionFindingEntity reopen(String reason, Actor by, Instant at) {
        allowedActions(by).require(FindingAction.REOPEN);
        String why = required(reason, "reason", "请说明退回重新整改的理由。", "退回理由");
        this.status = FindingStatus.REOPENED;
        steps.add(new SupervisionFindingStepEntity(at, by.username(), FindingStep.Kind.REOPENED, why));
        return this;
    }

    /** Whether the body still owes a rectification and the deadline passed before {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status.awaitsRectification() && deadline.isBefore(today);
    }

    public List<FindingStep> history() {
        return steps.stream().map(SupervisionFindingStepEntity::toStep).toList();
    }

    private static String required(String text, String field, String missing, String name) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputProblem(field, missing);
        }
        if (t.length() > MAX_TEXT) {
            throw new InvalidInputProblem(field, name + "不能超过" + MAX_TEXT + "个字。");
        }
        return t;
    }

    public Long getId() {
        return id;
    }

    public Long getCheckId() {
        return checkId;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public String getProblem() {
        return problem;
    }

    public String getCatalogItem() {
        return catalogItem;
    }

    public String getRecordIndexNo() {
        return recordIndexNo;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public FindingStatus getStatus() {
        return status;
    }

    public String getRectification() {
        return rectification;
    }

    public LocalDate getRectifiedOn() {
        return rectifiedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }
}
