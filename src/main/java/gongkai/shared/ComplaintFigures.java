package gongkai.shared;

import java.util.List;

/**
 * The complaints and reports (投诉举报) each body received in a year, as the assessment weighs them. The feedback module
 * answers it; the assessment asks it, so neither depends on the other.
 */
public interface ComplaintFigures {

    /** One body's year: received; answered by the due date; answered late; still open past the due date; substantiated. */
    record Figures(String org, long received, long answeredOnTime, long answeredLate, long openOverdue,
            long substantiated) {

        public static Figures none(String org) {
            return new Figures(org, 0, 0, 0, 0, 0);
        }
    }

    /** Every body with a complaint received in {@code year}, as of today. */
    List<Figures> ofYear(int year);
}
