package gongkai.publishing;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.ConflictProblem;

/**
 * Whether an actor may take one {@link RecordAction} on a record now, and if not, why (in Chinese): one verdict of
 * {@link RecordActions}. The record answers it; the services act on it ({@link #orThrow()}) and the back office
 * offers a button only when it is granted, so the two cannot drift.
 *
 * @param refusal null when granted
 * @param reason  null when granted; otherwise what to tell the person
 */
public record StepPermission(Refusal refusal, String reason) {

    /** Why a step is refused: each is answered differently (403 for who, 409 for when). */
    public enum Refusal {
        /** Not a holder of the step's role in the record's organisation. */
        ROLE,
        /** The record is not in the state the step needs. */
        STATE,
        /** Separation of duties (三审): the actor drafted or already reviewed this round. */
        DUTIES
    }

    public static final StepPermission GRANTED = new StepPermission(null, null);

    public static StepPermission refused(Refusal refusal, String reason) {
        return new StepPermission(refusal, reason);
    }

    public boolean granted() {
        return refusal == null;
    }

    /** Refused for separation of duties: the one refusal worth explaining beside the missing button. */
    public boolean refusedForDuties() {
        return refusal == Refusal.DUTIES;
    }

    /** Throws the refusal as the platform's problem for it; does nothing when granted. */
    public void orThrow() {
        if (refusal == null) {
            return;
        }
        throw switch (refusal) {
            case STATE -> new ConflictProblem(reason);
            case ROLE, DUTIES -> new AccessDeniedProblem(reason);
        };
    }
}
