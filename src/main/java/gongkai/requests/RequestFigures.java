package gongkai.requests;

/**
 * One organisation's requests of a year as the assessment counts them, the same figures as
 * {@link RequestStatistics.OrganisationYear} without table 三.
 *
 * @param answered       answered in the year
 * @param answeredOnTime of those with a due date, answered by it
 * @param answeredLate   of those with a due date, answered after it
 * @param openOverdue    still being handled, past their due date today
 * @param disclosed      answered in the year with 予以公开 or 部分公开
 */
public record RequestFigures(String orgCode, long answered, long answeredOnTime, long answeredLate, long openOverdue,
        long disclosed) {

    public static RequestFigures none(String orgCode) {
        return new RequestFigures(orgCode, 0, 0, 0, 0, 0);
    }
}
