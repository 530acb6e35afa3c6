package gongkai.assessment.internal.supervision;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.assessment.FindingStep;

/** One step of a finding's history, written by the finding itself. Append-only. */
@Entity
@Table(name = "supervision_finding_step")
class SupervisionFindingStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant steppedAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    private FindingStep.Kind kind;
    private String note;

    protected SupervisionFindingStepEntity() {
    }

    SupervisionFindingStepEntity(Instant steppedAt, String actor, FindingStep.Kind kind, String note) {
        this.steppedAt = steppedAt;
        this.actor = actor;
        this.kind = kind;
        this.note = note;
    }

    FindingStep toStep() {
        return new FindingStep(steppedAt, actor, kind, note);
    }
}
