package gongkai.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * 公开义务: one body's duty to publish one catalogue item for one period (a scheduled item), or after one event (an
 * event item), with its due date and where it stands.
 *
 * @param period           {@code 2026-10}, {@code 2026-Q3} or {@code 2026}; for an event, the day it occurred
 * @param periodLabel      how a resident reads the period (2026年第三季度, or the event's description)
 * @param dueOn            the last day to publish, in working days over the holiday calendar
 * @param provisional      the due date counts days of a year whose holidays are not yet announced
 * @param publishedOn      the China date of the first publication that answers it, if any
 * @param workingDaysLate  for LATE, working days after the due date; for MISSING, working days overdue so far
 * @param records          the index numbers of the records that answer it, oldest first
 * @param exemption        for EXEMPT, the approver's reason
 * @param eventId          for an event obligation, the recorded event
 */
public record Obligation(String org, String orgName, String item, String itemName, String period, String periodLabel,
        LocalDate dueOn, boolean provisional, ObligationStatus status, LocalDate publishedOn, int workingDaysLate,
        List<String> records, String exemption, Long eventId) {

    public Obligation {
        records = List.copyOf(records);
    }

    public boolean scheduled() {
        return eventId == null;
    }
}
