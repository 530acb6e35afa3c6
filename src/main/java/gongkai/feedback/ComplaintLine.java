package gongkai.feedback;

import java.time.LocalDate;

/** A complaint in the staff inbox: no personal data, the due date and how many working days are left. */
public record ComplaintLine(String trackingNo, String category, String categoryLabel, String subject, String org,
        String orgName, String channelLabel, LocalDate receivedOn, LocalDate dueOn, int workingDaysLeft,
        String status, String statusLabel, boolean overdue, Boolean substantiated, boolean demo) {
}
