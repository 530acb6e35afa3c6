package gongkai.assessment;

import java.time.Instant;
import java.util.List;

/**
 * A year's assessment of one group (API.md: {@code {year,indicators,orgs}}): a draft computed afresh, or, once the
 * city office published it, the figures as published.
 *
 * @param publishedAt null for a draft
 * @param asOf        the day the statuses were taken on
 */
public record AssessmentResult(int year, String group, String title, List<Indicator> indicators,
        List<BodyScore> orgs, java.time.LocalDate asOf, Instant publishedAt) {

    public AssessmentResult {
        indicators = List.copyOf(indicators);
        orgs = List.copyOf(orgs);
    }
}
