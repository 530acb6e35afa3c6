package gongkai.emergency;

import java.util.List;
import java.util.Map;

/**
 * An update to an emergency's timeline: its kind ({@link UpdateKind} name), title, text (paragraphs), the moment it
 * describes (ISO local time, Beijing; now when blank), for a recovery update the month ({@code 2026-07}), the figures
 * by name (damage updates), the needs (a needs update lists all that is needed now), and whether it is urgent (the
 * fast path).
 */
public record NewEmergencyUpdate(String kind, String title, String text, String asOf, String period,
        Map<String, String> figures, List<Need> needs, boolean urgent) {

    /** One thing needed: what, how much, in which unit, and where or for whom. */
    public record Need(String item, String quantity, String unit, String note) {
    }

    public NewEmergencyUpdate {
        figures = figures == null ? Map.of() : figures;
        needs = needs == null ? List.of() : needs;
    }
}
