package gongkai.assessment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import gongkai.publishing.StepPermission;

/**
 * For one actor and one finding, the verdict on every {@link FindingAction}: allowed, or refused with the reason
 * (for the role or organisation: 403; for the finding's state: 409). The finding decides; the service requires the
 * verdict before it acts and the page offers a button only where it is granted.
 */
public record FindingActions(Map<FindingAction, StepPermission> verdicts) {

    public FindingActions {
        verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
    }

    public StepPermission get(FindingAction action) {
        return verdicts.get(action);
    }

    public boolean allowed(FindingAction action) {
        return get(action).granted();
    }

    /** Throws the refusal as the platform's problem for it; does nothing when the action is allowed. */
    public void require(FindingAction action) {
        get(action).orThrow();
    }

    public boolean any() {
        return verdicts.values().stream().anyMatch(StepPermission::granted);
    }

    /** Every action by name, true when allowed: what a template indexes ({@code ${can['RECTIFY']}}). */
    public Map<String, Boolean> byName() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        verdicts.forEach((a, v) -> flags.put(a.name(), v.granted()));
        return flags;
    }
}
