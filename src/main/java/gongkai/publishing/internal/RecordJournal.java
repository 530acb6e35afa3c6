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

    /** A time the demo loader sets for the steps it takes on this thread; never set outside it. */
    private static final ThreadLocal<Instant> DEMO_TIME = new ThreadLocal<>();

    /** The platform's time now, for the steps and their effects. */
    public Instant now() {
        Instant demo = DEMO_TIME.get();
        return demo != null ? demo : Instant.now(clock);
    }

    /**
     * Runs the demo loader's steps as if taken at {@code at}, so that fictitious records (示例数据) read like a year of
     * work: their history and publication dates, and the transparency log's entries, carry that time; the log's own
     * append times stay real.
     */
    public static <T> T asOfForDemo(Instant at, java.util.function.Supplier<T> steps) {
        Instant outer = DEMO_TIME.get();
        DEMO_TIME.set(at);
        try {
            return steps.get();
        } finally {
            if (outer == null) {
                DEMO_TIME.remove();
            } else {
                DEMO_TIME.set(outer);
            }
        }
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
