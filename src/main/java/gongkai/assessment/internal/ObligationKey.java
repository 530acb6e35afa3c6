package gongkai.assessment.internal;

/** The key of one obligation: body, item and period (or {@code event:<id>}). */
public final class ObligationKey {

    private ObligationKey() {
    }

    public static String of(String org, String item, String period) {
        return org + "|" + item + "|" + period;
    }

    public static String event(long eventId) {
        return "event:" + eventId;
    }
}
