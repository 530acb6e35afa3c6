package gongkai.assessment;

import java.time.LocalDate;

/**
 * A finding raised outside an auditor's check, by another module that has already decided it stands (a substantiated
 * complaint, a social supervisor's finding): the body, what it covers, the problem, optionally the catalogue item or
 * record, the rectification deadline, where it came from ({@code sourceRef}, e.g. the complaint's number) and who
 * raised it.
 */
public record RaisedFinding(String org, CheckScope scope, String problem, String item, String record,
        LocalDate deadline, FindingSource source, String sourceRef, String raisedBy) {
}
