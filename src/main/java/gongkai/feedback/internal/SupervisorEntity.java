package gongkai.feedback.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.feedback.Supervisor;
import gongkai.feedback.SupervisorTermStatus;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Timestamped;

/**
 * 社会监督员: one appointment and its term. The term decides whether the supervisor may file on a day; ending it early
 * is the one change after the appointment, guarded here.
 */
@Entity
@Table(name = "supervisor")
public class SupervisorEntity extends Timestamped {

    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String name;
    private String phone;
    private String regionCode;
    private LocalDate termStartsOn;
    private LocalDate termEndsOn;
    private LocalDate endedEarlyOn;
    private String endReason;
    private String appointedBy;
    private boolean demo;

    protected SupervisorEntity() {
    }

    public SupervisorEntity(String username, String name, String phone, String regionCode, LocalDate termStartsOn,
            LocalDate termEndsOn, String appointedBy, boolean demo) {
        this.username = username;
        this.name = name;
        this.phone = phone;
        this.regionCode = regionCode;
        this.termStartsOn = termStartsOn;
        this.termEndsOn = termEndsOn;
        this.appointedBy = appointedBy;
        this.demo = demo;
    }

    /** The last day the supervisor may file: the term's end, or the day before the office ended it. */
    public LocalDate lastDay() {
        return endedEarlyOn != null && !endedEarlyOn.isAfter(termEndsOn) ? endedEarlyOn.minusDays(1) : termEndsOn;
    }

    public SupervisorTermStatus statusOn(LocalDate day) {
        if (endedEarlyOn != null && !day.isBefore(endedEarlyOn)) {
            return SupervisorTermStatus.ENDED_EARLY;
        }
        if (day.isBefore(termStartsOn)) {
            return SupervisorTermStatus.NOT_STARTED;
        }
        return day.isAfter(termEndsOn) ? SupervisorTermStatus.ENDED : SupervisorTermStatus.SERVING;
    }

    /** Why the supervisor may not file on {@code day}, in their words; null when the term covers it. */
    public String refusalOn(LocalDate day) {
        return switch (statusOn(day)) {
            case SERVING -> null;
            case NOT_STARTED -> "您的社会监督员任期自" + termStartsOn + "开始，任期开始后才能提交监督发现。";
            case ENDED -> "您的社会监督员任期已于" + termEndsOn + "届满，不能再提交监督发现。";
            case ENDED_EARLY -> "您的社会监督员任期已于" + endedEarlyOn + "提前结束，不能再提交监督发现。";
        };
    }

    /** 提前结束任期: from {@code today} on they may not file; a term already over cannot be ended again. */
    public void endEarly(String reason, LocalDate today) {
        SupervisorTermStatus now = statusOn(today);
        if (now == SupervisorTermStatus.ENDED || now == SupervisorTermStatus.ENDED_EARLY) {
            throw new ConflictProblem(name + "的任期已经" + now.label() + "，不能再提前结束。");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputProblem("reason", "请写明提前结束任期的原因。");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputProblem("reason", "提前结束任期的原因不能超过" + MAX_REASON + "个字。");
        }
        this.endedEarlyOn = today;
        this.endReason = why;
    }

    public Supervisor toSupervisor(String regionName, LocalDate today) {
        return new Supervisor(id, username, name, phone, regionCode, regionName, termStartsOn, termEndsOn,
                endedEarlyOn, endReason, lastDay(), statusOn(today), demo);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }
}
