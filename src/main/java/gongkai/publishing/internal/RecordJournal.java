package gongkai.publishing.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import gongkai.publishing.RecordStep;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;

/**
 * What a use case leaves behind on a record: a line in its review history (审核记录), shown on its page, and an
 * audit line. Both in the caller's transaction.
 */
@Component
public class RecordJournal {

    private final RecordStepRepository steps;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordJournal(RecordStepRepository steps, ApplicationEventPublisher events, Clock clock) {
        this.steps = steps;
        this.events = events;
        this.clock = clock;
    }

    /** The platform's time now, for the steps and their effects. */
    public Instant now() {
        return Instant.now(clock);
    }

    /** A step of the review history, by the signed-in person (or the system), now. */
    public void step(RecordEntity record, RecordStep.Kind kind, String comment) {
        steps.save(new RecordStepEntity(record.getId(), kind, Actor.current().map(Actor::username).orElse("system"),
                comment, now()));
    }

    /** The record's history so far, oldest first. */
    public java.util.List<RecordStep> steps(RecordEntity record) {
        return steps.findByRecordIdOrderByIdAsc(record.getId()).stream().map(RecordStepEntity::toStep).toList();
    }

    public void audit(String action, RecordEntity record, String detail) {
        events.publishEvent(new AuditedChange(action, "record", record.ref(), detail));
    }

    /** A step and its audit line, which names the step. */
    public void stepAndAudit(RecordEntity record, RecordStep.Kind kind, String comment, String action, String detail) {
        step(record, kind, comment);
        audit(action, record, detail);
    }
}
