package gongkai.feedback;

/**
 * What a social supervisor files from the back-office form: what they saw ({@code saw}), where — the region, and the
 * record's index number or the page's address —, the body concerned and what the finding covers ({@code scope}, a
 * {@code CheckScope} code; empty means content).
 */
public record SupervisorReport(String org, String saw, String regionCode, String record, String pageUrl,
        String scope) {
}
