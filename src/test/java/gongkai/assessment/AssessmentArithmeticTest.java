package gongkai.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gongkai.assessment.internal.AssessmentProperties;
import gongkai.assessment.internal.BodyYear;
import gongkai.assessment.internal.Scoring;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.publishing.PolicyPublication;
import gongkai.requests.RequestFigures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment's arithmetic on a body whose year was worked out by hand (the README gives the same example), and
 * ranks with ties.
 */
class AssessmentArithmeticTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private static final AssessmentProperties.Rules RULES = new AssessmentProperties.Rules(new BigDecimal("0.5"), 3,
            new BigDecimal("20"), new BigDecimal("5"), new BigDecimal("2"), 5, 6);

    private static Obligation obligation(ObligationStatus status, int late) {
        return new Obligation("fxxzf", "奉新县人民政府", "sa-recipients", "救助和福利补贴发放情况", "2026-01", "2026年1月",
                LocalDate.of(2026, 2, 13), false, status, null, late, List.of(), null, null);
    }

    private static SupervisionFinding finding(long id, FindingStatus status, LocalDate deadline, LocalDate rectified) {
        return new SupervisionFinding(id, 1, "fxxzf", "奉新县人民政府", LocalDate.of(2026, 3, 2), List.of(CheckScope.TIMELINESS),
                "问题" + id, null, null, deadline, status, rectified == null ? null : "已整改", rectified, null, false);
    }

    /**
     * 10 obligations due: 6 on time, 2 late, 2 missing (plus one exempt and one not due, left out) → (6 + 2 × 0.5) / 10
     * = 70.00. 4 policies, 3 interpreted in time (a fifth published without one, with a reason, left out) → 75.00.
     * Requests: 8 answered on time, 1 late, 1 open overdue; 9 answered, 6 of them disclosed → 0.8 × 80 + 6/9 × 20 =
     * 77.33. Findings: one rectified in time, one late, one overdue unrectified (one within its deadline, left out) →
     * 1.5 / 3 = 50.00. Website: 2 empty columns, 1 stale, 3 broken links → 100 − 3 × 5 − 3 × 2 = 79.00.
     * Complaints: not yet on the platform, 100. With the default weights 30/15/20/0/20/15: 21 + 11.25 + 15.466
     * + 0 + 10 + 11.85 = 69.566 → 69.57.
     */
    static BodyYear workedExample() {
        List<Obligation> obligations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            obligations.add(obligation(ObligationStatus.ON_TIME, 0));
        }
        obligations.add(obligation(ObligationStatus.LATE, 2));
        obligations.add(obligation(ObligationStatus.LATE, 4));
        obligations.add(obligation(ObligationStatus.MISSING, 30));
        obligations.add(obligation(ObligationStatus.MISSING, 12));
        obligations.add(obligation(ObligationStatus.EXEMPT, 0));
        obligations.add(obligation(ObligationStatus.NOT_DUE, 0));
        Instant published = Instant.parse("2026-05-11T02:00:00Z");
        List<PolicyPublication> policies = List.of(
                new PolicyPublication(1, "fxxzf", published, published, null),
                new PolicyPublication(2, "fxxzf", published, Instant.parse("2026-05-13T02:00:00Z"), null),
                new PolicyPublication(3, "fxxzf", published, Instant.parse("2026-05-14T02:00:00Z"), null),
                new PolicyPublication(4, "fxxzf", published, Instant.parse("2026-05-20T02:00:00Z"), null),
                new PolicyPublication(5, "fxxzf", published, null, "技术性调整，无需解读"));
        LocalDate window = LocalDate.of(2026, 5, 14);
        List<LocalDate> deadlines = List.of(window, window, window, window, window);
        RequestFigures requests = new RequestFigures("fxxzf", 9, 8, 1, 1, 6);
        List<SupervisionFinding> findings = List.of(
                finding(1, FindingStatus.CLOSED, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 20)),
                finding(2, FindingStatus.CLOSED, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 10)),
                finding(3, FindingStatus.OPEN, LocalDate.of(2026, 5, 1), null),
                finding(4, FindingStatus.OPEN, LocalDate.of(2026, 12, 20), null));
        BodyYear.WebsiteInspection website = new BodyYear.WebsiteInspection(List.of("扶贫项目", "教育收费"),
                List.of("救助款物管理使用情况（最近一次2026-03-02）"), List.of("/records/a", "/records/b", "/records/c"), LocalDate.of(2026, 11, 30));
        Organisation org = new Organisation("fxxzf", "奉新县人民政府", OrganisationKind.COUNTY_GOVERNMENT, "360921", "",
                null, new Organisation.Leader("", ""), new Organisation.Liaison("", "", ""),
                new Organisation.Office("", "", "", "", "", "", ""), false, null, null,
                false);
        return new BodyYear(org, 2026, AS_OF, obligations, policies, deadlines, Map.of(4L, "P4 办法四"), requests, findings,
                new gongkai.shared.ComplaintFigures.Figures("fxxzf", 6, 3, 1, 1, 2), website);
    }

    @Test
    void eachIndicatorOfTheWorkedExample() {
        Scoring scoring = new Scoring(RULES);
        BodyYear y = workedExample();
        assertThat(scoring.score(IndicatorKind.OBLIGATIONS, y).score()).isEqualByComparingTo("70.00");
        assertThat(scoring.score(IndicatorKind.INTERPRETATION, y).score()).isEqualByComparingTo("75.00");
        assertThat(scoring.score(IndicatorKind.REQUESTS, y).score()).isEqualByComparingTo("77.33");
        // 3 answered on time of 5 answered or overdue (the sixth is open and not yet due)
        assertThat(scoring.score(IndicatorKind.COMPLAINTS, y).score()).isEqualByComparingTo("60.00");
        assertThat(scoring.score(IndicatorKind.COMPLAINTS, y).basis().summary())
                .isEqualTo("本年收到投诉举报6件：按期答复3件，逾期答复1件，逾期未答复1件；经查属实2件。");
        assertThat(scoring.score(IndicatorKind.SUPERVISION, y).score()).isEqualByComparingTo("50.00");
        assertThat(scoring.score(IndicatorKind.WEBSITE, y).score()).isEqualByComparingTo("79.00");
        assertThat(scoring.score(IndicatorKind.OBLIGATIONS, y).basis().summary())
                .isEqualTo("已到期10项：按时公开6项，逾期公开2项，逾期未公开2项（免予公开和未到期的不计）。");
        assertThat(scoring.score(IndicatorKind.INTERPRETATION, y).basis().items())
                .containsExactly("P4 办法四：解读晚于同步期限");
    }

    @Test
    void theTotalIsTheWeightedSumOfTheWorkedExample() {
        Scoring scoring = new Scoring(RULES);
        BodyYear y = workedExample();
        BigDecimal total = BigDecimal.ZERO;
        for (IndicatorKind k : IndicatorKind.values()) {
            total = total.add(scoring.score(k, y).score().multiply(k.defaultWeight()));
        }
        assertThat(total.divide(new BigDecimal("100"), 2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("69.57");
    }

    @Test
    void fiveEmptyColumnsScoreNothingOnTheWebsite() {
        BodyYear y = workedExample();
        BodyYear five = new BodyYear(y.org(), y.year(), y.asOf(), y.obligations(), y.policies(),
                y.interpretationDeadlines(), y.policyNames(), y.requests(), y.findings(), y.complaints(),
                new BodyYear.WebsiteInspection(List.of("一", "二", "三", "四", "五"), List.of(), List.of(), null));
        assertThat(new Scoring(RULES).score(IndicatorKind.WEBSITE, five).score()).isEqualByComparingTo("0");
    }

    @Test
    void equalTotalsShareARankAndTheNextRankSkips() {
        List<BodyScore> ranked = Assessments.ranked(List.of(score("a", "85.50"), score("b", "90.00"),
                score("c", "70.00"), score("d", "85.50"), score("e", "70.00")));
        assertThat(ranked).extracting(BodyScore::org).containsExactly("b", "a", "d", "c", "e");
        assertThat(ranked).extracting(BodyScore::rank).containsExactly(1, 2, 2, 4, 4);
    }

    private static BodyScore score(String org, String total) {
        return new BodyScore(org, org, new BigDecimal(total), 0, Map.of(), Map.of());
    }
}
