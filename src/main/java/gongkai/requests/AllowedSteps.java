package gongkai.requests;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The staff steps one actor may take on one request today, as {@link RequestClock#allowedSteps} decided them. Pages
 * ask {@link #byName()} ({@code ${can['REPLY']}}), code asks {@link #allows}.
 */
public record AllowedSteps(Set<RequestStep> steps) {

    public AllowedSteps {
        steps = steps.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(steps));
    }

    public boolean allows(RequestStep step) {
        return steps.contains(step);
    }

    public boolean any() {
        return !steps.isEmpty();
    }

    /** Every step by name, true when allowed: what a template indexes with a step's name. */
    public Map<String, Boolean> byName() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        Arrays.stream(RequestStep.values()).forEach(s -> flags.put(s.name(), steps.contains(s)));
        return flags;
    }
}
