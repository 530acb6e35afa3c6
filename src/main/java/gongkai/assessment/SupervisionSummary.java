package gongkai.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 督查整改情况通报: the published summary of one quarter's checks, per body, as the public reads it. Names no staff.
 *
 * @param quarter     as written in addresses, {@code 2026-Q3}
 * @param title       as a resident reads it, 2026年第三季度
 * @param asOf        the day the counts of rectified, closed, open and overdue findings are taken
 */
public record SupervisionSummary(String quarter, String title, Instant publishedAt, LocalDate asOf,
        List<Body> bodies) {

    public SupervisionSummary {
        bodies = List.copyOf(bodies);
    }

    /** One body checked in the quarter: its counts and each finding. */
    public record Body(String org, String orgName, int checks, int findings, int rectified, int closed, int open,
            int overdue, List<Line> lines) {

        public Body {
            lines = List.copyOf(lines);
        }
    }

    /** One finding as the public reads it. */
    public record Line(LocalDate checkedOn, String problem, LocalDate deadline, FindingStatus status,
            boolean overdue) {
    }

    /** A published quarter, for the list of summaries. */
    public record Published(String quarter, String title, Instant publishedAt) {
    }
}
