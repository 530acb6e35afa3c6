package gongkai.feedback;

import java.time.LocalDate;
import java.util.List;

/**
 * A complaint as one reader may see it. {@code name} and {@code phone} are null unless the reader may see the
 * complainant's personal data (the handling body's staff, the city office, the complainant with the code).
 *
 * @param overdue    open and past its due date
 * @param findingId  the supervision finding the complaint became, or null
 * @param actions    what the reader may do now: TRANSFER, REPLY (staff of the handling body only)
 */
public record ComplaintView(String trackingNo, String category, String categoryLabel, String subject,
        String description, String org, String orgName, String namedOrg, String channel, String channelLabel,
        boolean anonymous, String name, String phone, LocalDate receivedOn, int dueWorkingDays, LocalDate dueOn,
        String status, String statusLabel, boolean overdue, String answer, Boolean substantiated,
        LocalDate answeredOn, Long findingId, boolean demo, List<Step> history, List<String> actions) {

    /** One line of the history. {@code by} is null for the complainant. */
    public record Step(String kind, String kindLabel, LocalDate on, String orgName, String detail, String by) {
    }
}
