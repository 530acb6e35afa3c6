package gongkai.emergency;

import java.util.List;

/**
 * A warning (or an update of one) as its issuer types it. Times are ISO date-times, with an offset
 * ({@code 2026-07-01T08:00:00+08:00}) or without, then China time ({@code 2026-07-01T08:00}, as a datetime-local field
 * sends it). An empty headline becomes "&lt;issuer&gt;发布&lt;hazard&gt;&lt;colour&gt;预警".
 *
 * @param issuer the issuing organisation's code; empty for the issuer's own organisation
 */
public record NewWarning(String hazard, String level, List<String> areas, String headline, String description,
        String instruction, String onset, String expires, String issuer) {

    public NewWarning {
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    public NewWarning(String hazard, String level, List<String> areas, String headline, String description,
            String instruction, String onset, String expires) {
        this(hazard, level, areas, headline, description, instruction, onset, expires, null);
    }
}
