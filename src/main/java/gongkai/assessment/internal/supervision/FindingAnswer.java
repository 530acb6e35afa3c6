package gongkai.assessment.internal.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gongkai.assessment.CheckScope;
import gongkai.assessment.FindingDetail;
import gongkai.assessment.FindingStatus;
import gongkai.assessment.FindingStep;
import gongkai.assessment.SupervisionFinding;

/**
 * A supervision finding as {@code GET /api/v1/supervision/findings/{id}} answers it (API.md), with its history; the
 * fields after {@code history} add what the page shows too.
 *
 * @param item   the catalogue item's code the finding is about, or null
 * @param record the record's index number the finding is about, or null
 */
record FindingAnswer(long id, String org, String problem, LocalDate deadline, FindingStatus status,
        List<Step> history, String item, String record, long checkId, LocalDate checkedOn, List<CheckScope> scope,
        String rectification, LocalDate rectifiedOn, LocalDate closedOn, boolean overdue) {

    /** One step: when, by whom, what ({@code RECORDED}, {@code RECTIFIED}, {@code ACCEPTED}, {@code REOPENED}). */
    record Step(Instant at, String actor, FindingStep.Kind action, String text) {
    }

    static FindingAnswer of(FindingDetail detail) {
        SupervisionFinding f = detail.finding();
        return new FindingAnswer(f.id(), f.org(), f.problem(), f.deadline(), f.status(),
                detail.history().stream().map(s -> new Step(s.at(), s.actor(), s.kind(), s.text())).toList(),
                f.catalogItem(), f.recordIndexNo(), f.checkId(), f.checkedOn(), f.scope(), f.rectification(),
                f.rectifiedOn(), f.closedOn(), f.overdue());
    }
}
