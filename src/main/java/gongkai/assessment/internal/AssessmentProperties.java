package gongkai.assessment.internal;

import java.math.BigDecimal;
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
 * @param rules           the constants of the indicators' rules
 */
@ConfigurationProperties("gongkai.assessment")
public record AssessmentProperties(@DefaultValue("2026-01-01") LocalDate obligationsFrom,
        @DefaultValue("3") int dueSoonDays, @DefaultValue Rules rules) {

    /**
     * @param lateCredit                what a late publication or a late rectification counts for (on time: 1)
     * @param interpretationWorkingDays an interpretation counts as published with its policy (同步解读) when it is out
     *                                  within this many working days of it (UNCONFIRMED: the plan says 同步 only)
     * @param requestsOutcomeShare      of the requests score, the points for the share of answers that gave the
     *                                  information (予以公开, 部分公开); the rest are for answering on time
     * @param columnDeduction           points off the website score per empty or stale catalogue column
     * @param linkDeduction             points off per link that does not open (UNCONFIRMED: 19号 names the
     *                                  indicator, not its points)
     * @param emptyColumnsVeto          this many empty columns or more score nothing (19号 single veto: 5)
     * @param staleMonths               a policy column not updated for this many months is stale (19号: 6)
     */
    public record Rules(@DefaultValue("0.5") BigDecimal lateCredit, @DefaultValue("3") int interpretationWorkingDays,
            @DefaultValue("20") BigDecimal requestsOutcomeShare, @DefaultValue("5") BigDecimal columnDeduction,
            @DefaultValue("2") BigDecimal linkDeduction, @DefaultValue("5") int emptyColumnsVeto,
            @DefaultValue("6") int staleMonths) {
    }
}
