/**
 * Supervision of proactive disclosure (issue 13, begun): the reporting periods of scheduled catalogue items and the
 * due dates of their obligations, counted in working days. Obligations' statuses, 公开情况, supervision checks and
 * the assessment come next.
 */
package gongkai.assessment;
