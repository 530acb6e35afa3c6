package gongkai.requests;

import java.time.LocalDate;

/**
 * A review or lawsuit to register against a request (the body of {@code POST /api/v1/requests/{no}/appeals}).
 *
 * @param kind       {@code REVIEW}, {@code LITIGATION_DIRECT} or {@code LITIGATION_AFTER_REVIEW}
 * @param filedOn    the day the applicant applied for review or brought the suit
 * @param authority  the review body or the court
 * @param caseNumber optional
 */
public record NewAppeal(String kind, LocalDate filedOn, String authority, String caseNumber) {
}
