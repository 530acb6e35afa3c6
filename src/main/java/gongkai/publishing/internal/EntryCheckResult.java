package gongkai.publishing.internal;

import java.util.List;

import gongkai.privacy.Finding;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * What {@code GET /api/v1/records/{ref}/problems} answers to the record's staff.
 *
 * @param problems what would stop a submission now
 * @param privacy  the privacy guard's findings in the working copy
 */
record EntryCheckResult(List<FieldError> problems, List<Finding> privacy) {
}
