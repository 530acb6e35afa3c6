package gongkai.catalog;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 公开时限: when an item's information must be out. {@code event:N} within N working days of being formed or
 * changed (N = 0: at once); {@code monthly:D} by working day D of the next month; {@code quarterly:D} by working day D
 * of the next quarter; {@code yearly:D} by working day D of the next year (day 1 is the first working day after the
 * period, so a count may run into the month after); {@code yearly:MM-DD} by a date of the next year that a statute
 * names, as the annual report's 1月31日 and 3月31日 (条例 第四十九、五十条). The working days are counted by the calendar
 * module.
 *
 * @param by for a dated yearly schedule, the day of the next year; null otherwise ({@code days} is then 0)
 */
public record PublicationSchedule(Kind kind, int days, MonthDay by) {

    public enum Kind { EVENT, MONTHLY, QUARTERLY, YEARLY }

    private static final Pattern FORM = Pattern.compile("(event|monthly|quarterly|yearly):(\\d{1,2})");
    private static final Pattern DATED = Pattern.compile("yearly:(\\d{2})-(\\d{2})");

    public PublicationSchedule {
        if (by != null) {
            if (kind != Kind.YEARLY || days != 0) {
                throw new IllegalArgumentException("Only a yearly schedule may name a date: " + kind + " " + days);
            }
        } else if (days < 0 || (kind != Kind.EVENT && days == 0)) {
            throw new IllegalArgumentException("Invalid schedule days: " + days);
        }
    }

    public PublicationSchedule(Kind kind, int days) {
        this(kind, days, null);
    }

    /** Parses the catalogue's notation, e.g. {@code event:20} or {@code yearly:01-31}. */
    public static PublicationSchedule parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase();
        Matcher d = DATED.matcher(t);
        if (d.matches()) {
            try {
                return new PublicationSchedule(Kind.YEARLY, 0,
                        MonthDay.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2))));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("公开时限“" + text + "”中的日期不存在");
            }
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "公开时限格式应为 event:天数、monthly:工作日、quarterly:工作日、yearly:工作日 或 yearly:月-日，例如 event:20，而不是“"
                            + text + "”");
        }
        return new PublicationSchedule(Kind.valueOf(m.group(1).toUpperCase()), Integer.parseInt(m.group(2)));
    }

    /** A yearly schedule due on a named date rather than after a count of working days. */
    public boolean dated() {
        return by != null;
    }

    /** The catalogue's notation. */
    public String code() {
        return by != null ? String.format("yearly:%02d-%02d", by.getMonthValue(), by.getDayOfMonth())
                : kind.name().toLowerCase() + ":" + days;
    }

    /** How a clerk reads it. */
    public String describe() {
        if (by != null) {
            return "按年度公开，次年" + by.getMonthValue() + "月" + by.getDayOfMonth() + "日前";
        }
        return switch (kind) {
            case EVENT -> days == 0 ? "信息形成后即时发布" : "信息形成或者变更之日起" + days + "个工作日内";
            case MONTHLY -> "按月公开，次月第" + days + "个工作日前";
            case QUARTERLY -> "按季度公开，次季度第" + days + "个工作日前";
            case YEARLY -> "按年度公开，次年第" + days + "个工作日前";
        };
    }
}
