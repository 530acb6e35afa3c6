package gongkai.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * 督查发现的问题: one finding of a supervision check as it stands.
 *
 * @param orgName        the body's name today
 * @param catalogItem    the catalogue item's code it is about, or null
 * @param recordIndexNo  the record's index number it is about, or null
 * @param rectification  the body's latest rectification text, or null before the first
 * @param overdue        whether the body still owes a rectification and the deadline passed before the day this
 *                       was read for
 */
public record SupervisionFinding(long id, long checkId, String org, String orgName, LocalDate checkedOn,
        List<CheckScope> scope, String problem, String catalogItem, String recordIndexNo, LocalDate deadline,
        FindingStatus status, String rectification, LocalDate rectifiedOn, LocalDate closedOn, boolean overdue) {

    public SupervisionFinding {
        scope = List.copyOf(scope);
    }
}
