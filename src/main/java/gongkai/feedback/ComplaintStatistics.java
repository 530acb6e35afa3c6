package gongkai.feedback;

/**
 * A body's complaints of one year, as the public reads them (no personal data): received, answered, answered by the
 * due date, and found substantiated.
 */
public record ComplaintStatistics(String org, String orgName, int year, long received, long answered,
        long answeredOnTime, long substantiated) {
}
