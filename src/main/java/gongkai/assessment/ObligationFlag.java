package gongkai.assessment;

import java.time.LocalDate;

/**
 * What the daily check tells a body (its inbox): an obligation due within a few working days, one overdue, or an item
 * it has never published anything under.
 *
 * @param workingDays for DUE_SOON the working days left, for OVERDUE the working days overdue; else 0
 */
public record ObligationFlag(String org, Kind kind, String item, String itemName, String period, String periodLabel,
        LocalDate dueOn, int workingDays, LocalDate flaggedOn) {

    public enum Kind {
        DUE_SOON("即将到期"), OVERDUE("已逾期"), NEVER_PUBLISHED("从未公开");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
