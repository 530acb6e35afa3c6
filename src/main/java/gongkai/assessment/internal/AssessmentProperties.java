package gongkai.assessment.internal;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervision settings ({@code gongkai.assessment.*}).
 *
 * @param obligationsFrom periods ending before this day and events before it give no obligations: the day the city
 *                        began supervising disclosure on the platform, so a new installation is not in arrears for
 *                        years it never ran
 * @param dueSoonDays     the daily flags warn this many working days before a due date (issue 13: 3)
 */
@ConfigurationProperties("gongkai.assessment")
public record AssessmentProperties(@DefaultValue("2026-01-01") LocalDate obligationsFrom,
        @DefaultValue("3") int dueSoonDays) {
}
