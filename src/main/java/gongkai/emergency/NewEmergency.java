package gongkai.emergency;

import java.util.List;

/**
 * An emergency to declare: its kind ({@link EmergencyKind} name), title, summary, when it occurred (ISO local time,
 * Beijing), its areas (region codes down to townships), the responsible bodies besides the declaring one, and the
 * warnings (any message of a sequence) that belong to it.
 */
public record NewEmergency(String kind, String title, String summary, String occurredAt, List<String> areas,
        List<String> bodies, List<Long> warnings) {

    public NewEmergency {
        areas = areas == null ? List.of() : areas;
        bodies = bodies == null ? List.of() : bodies;
        warnings = warnings == null ? List.of() : warnings;
    }
}
