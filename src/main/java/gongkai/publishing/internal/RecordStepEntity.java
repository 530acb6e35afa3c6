package gongkai.publishing.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.publishing.RecordStep;

/** One step of a record's review history, with its comment. Append-only. */
@Entity
@Table(name = "record_step")
public class RecordStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long recordId;
    private String step;
    private String actor;
    private String comment;
    private Instant at;

    protected RecordStepEntity() {
    }

    public RecordStepEntity(Long recordId, RecordStep.Kind step, String actor, String comment, Instant at) {
        this.recordId = recordId;
        this.step = step.name();
        this.actor = actor;
        this.comment = comment == null ? "" : comment;
        this.at = at;
    }

    public RecordStep toStep() {
        return new RecordStep(RecordStep.Kind.valueOf(step), actor, comment, at);
    }
}
