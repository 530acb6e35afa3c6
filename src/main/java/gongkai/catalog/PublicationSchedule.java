package gongkai.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 公开时限: when an item's information must be out. {@code event:N} within N working days of being formed or
 * changed (N = 0: at once); {@code monthly:D} by working day D of the next month; {@code quarterly:D} by working day D
 * of the next quarter; {@code yearly:D} by working day D of the next year (day 1 is the first working day after the
 * period, so a count may run into the month after). The working days are counted by the calendar module.
 */
public record PublicationSchedule(Kind kind, int days) {

    public enum Kind { EVENT, MONTHLY, QUARTERLY, YEARLY }

    private static final Pattern FORM = Pattern.compile("(event|monthly|quarterly|yearly):(\\d{1,2})");

    public PublicationSchedule {
        if (days < 0 || (kind != Kind.EVENT && days == 0)) {
            throw new IllegalArgumentException("Invalid schedule days: " + days);
        }
    }

    /** Parses the catalogue's notation, e.g. {@code event:20}. */
    public static PublicationSchedule parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "公开时限格式应为 event:天数、monthly:工作日、quarterly:工作日 或 yearly:工作日，例如 event:20，而不是“" + text
                            + "”");
        }
        return new PublicationSchedule(Kind.valueOf(m.group(1).toUpperCase()), Integer.parseInt(m.group(2)));
    }

    /** The catalogue's notation. */
    public String code() {
        return kind.name().toLowerCase() + ":" + days;
    }

    /** How a clerk reads it. */
    public String describe() {
        return switch (kind) {
            case EVENT -> days == 0 ? "信息形成后即时发布" : "信息形成或者变更之日起" + days + "个工作日内";
            case MONTHLY -> "按月公开，次月第" + days + "个工作日前";
            case QUARTERLY -> "按季度公开，次季度第" + days + "个工作日前";
            case YEARLY -> "按年度公开，次年第" + days + "个工作日前";
        };
    }
}
