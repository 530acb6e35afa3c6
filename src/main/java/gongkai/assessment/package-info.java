/**
 * Supervision of proactive disclosure (plan 三.4, 三.5): each body's obligations worked out from the catalogue's
 * schedules and the recorded events, with due dates in working days and statuses computed from the records
 * ({@link gongkai.assessment.Obligations}); exemptions and events ({@link gongkai.assessment.ObligationChanges}); the
 * daily flags of each body's inbox; 事项清单 and sub-items; supervision checks and the rectification cycle
 * ({@link gongkai.assessment.Supervision}); the website self-inspection; and the yearly assessment of government
 * bodies and the evaluation of public institutions and charities ({@link gongkai.assessment.Assessments}).
 */
package gongkai.assessment;
