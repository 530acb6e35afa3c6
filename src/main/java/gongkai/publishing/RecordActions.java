package gongkai.publishing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * For one actor and one record, the verdict on every {@link RecordAction}: allowed, or refused with the reason
 * (for the role: 403; for the state: 409; for separation of duties, 三审: 403). Decided in one place, the record;
 * asked by the services before they act and by the pages before they offer a button.
 */
public record RecordActions(Map<RecordAction, StepPermission> verdicts) {

    public RecordActions {
        verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
    }

    public StepPermission get(RecordAction action) {
        return verdicts.get(action);
    }

    public boolean allowed(RecordAction action) {
        return get(action).granted();
    }

    /** Throws the refusal of the action as the platform's problem for it; does nothing when it is allowed. */
    public void require(RecordAction action) {
        get(action).orThrow();
    }

    /**
     * The separation-of-duties refusal of the first of the given actions that has one: the one refusal worth
     * explaining beside a missing button. Null when none.
     */
    public String dutiesNote(RecordAction... actions) {
        for (RecordAction a : actions) {
            if (get(a).refusedForDuties()) {
                return get(a).reason();
            }
        }
        return null;
    }
}
