package gongkai.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import gongkai.assessment.BodyScore.Basis;
import gongkai.assessment.FindingStatus;
import gongkai.assessment.IndicatorKind;
import gongkai.assessment.Obligation;
import gongkai.assessment.SupervisionFinding;
import gongkai.publishing.PolicyPublication;
import gongkai.shared.PlatformConfiguration;

/**
 * The rule of each indicator: a body's year in, a score of 0–100 (two decimals) and its basis out. Plain arithmetic,
 * so a test can work an example by hand; the README states each rule.
 */
public final class Scoring {

    static final BigDecimal HUNDRED = new BigDecimal("100.00");

    /** A score and what it was computed from. */
    public record Part(BigDecimal score, Basis basis) {
    }

    private final AssessmentProperties.Rules rules;

    public Scoring(AssessmentProperties.Rules rules) {
        this.rules = rules;
    }

    public Part score(IndicatorKind kind, BodyYear y) {
        return switch (kind) {
            case OBLIGATIONS -> obligations(y);
            case INTERPRETATION -> interpretation(y);
            case REQUESTS -> requests(y);
            case COMPLAINTS -> complaints(y);
            case SUPERVISION -> supervision(y);
            case WEBSITE -> website(y);
        };
    }

    /** On time counts whole, late counts {@code lateCredit}, missing nothing; exempt and not yet due are left out. */
    Part obligations(BodyYear y) {
        int onTime = 0;
        int late = 0;
        int missing = 0;
        List<String> items = new ArrayList<>();
        for (Obligation o : y.obligations()) {
            switch (o.status()) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MISSING -> missing++;
                default -> {
                }
            }
            if (o.status().failing()) {
                items.add(o.itemName() + " " + o.periodLabel() + "：" + o.status().label() + "（" + o.workingDaysLate()
                        + "个工作日）");
            }
        }
        int due = onTime + late + missing;
        BigDecimal score = due == 0 ? HUNDRED
                : ratio(BigDecimal.valueOf(onTime).add(rules.lateCredit().multiply(BigDecimal.valueOf(late))), due);
        return new Part(score, new Basis("已到期" + due + "项：按时公开" + onTime + "项，逾期公开" + late + "项，逾期未公开" + missing
                + "项（免予公开和未到期的不计）。", items, "/disclosure-status?org=" + y.org().code() + "&year=" + y.year()));
    }

    /**
     * Each policy published in the year counts once: interpreted when its interpretation was out within the window;
     * a policy the approver published without one, with a reason, is left out.
     */
    Part interpretation(BodyYear y) {
        int counted = 0;
        int interpreted = 0;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < y.policies().size(); i++) {
            PolicyPublication p = y.policies().get(i);
            if (excused(p)) {
                continue;
            }
            counted++;
            if (interpretedInTime(p, y.interpretationDeadlines().get(i))) {
                interpreted++;
            } else {
                items.add(y.policyNames().getOrDefault(p.id(), "记录" + p.id())
                        + (p.interpretedAt() == null ? "：未解读" : "：解读晚于同步期限"));
            }
        }
        BigDecimal score = counted == 0 ? HUNDRED : ratio(BigDecimal.valueOf(interpreted), counted);
        return new Part(score, new Basis("本年公开政策文件" + counted + "件（不含经批准无需解读的），其中同步解读" + interpreted + "件。",
                items, "/records?org=" + y.org().code()));
    }

    /** A policy published without an interpretation for a stated reason is not counted. */
    public static boolean excused(PolicyPublication p) {
        return p.interpretedAt() == null && p.noInterpretationReason() != null;
    }

    /** Whether the policy's interpretation was out by the deadline (同步解读). */
    public static boolean interpretedInTime(PolicyPublication p, java.time.LocalDate deadline) {
        return p.interpretedAt() != null
                && !p.interpretedAt().atZone(PlatformConfiguration.CHINA).toLocalDate().isAfter(deadline);
    }

    /**
     * The share of the year's complaints answered by their due date, among those answered or already overdue; a body
     * with none scores full marks. Substantiated complaints weigh here only through the findings they became.
     */
    Part complaints(BodyYear y) {
        var c = y.complaints();
        long timed = c.answeredOnTime() + c.answeredLate() + c.openOverdue();
        BigDecimal score = timed == 0 ? HUNDRED : ratio(BigDecimal.valueOf(c.answeredOnTime()), (int) timed);
        return new Part(score, new Basis("本年收到投诉举报" + c.received() + "件：按期答复" + c.answeredOnTime() + "件，逾期答复"
                + c.answeredLate() + "件，逾期未答复" + c.openOverdue() + "件；经查属实" + c.substantiated() + "件。", List.of(),
                "/complaints/statistics?year=" + y.year()));
    }

    /** On-time answers weigh {@code 100 - outcomeShare}, the share of answers that gave information the rest. */
    Part requests(BodyYear y) {
        var r = y.requests();
        long timed = r.answeredOnTime() + r.answeredLate() + r.openOverdue();
        long answered = r.answered();
        BigDecimal onTimeShare = timed == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(r.answeredOnTime()).divide(BigDecimal.valueOf(timed), 6, RoundingMode.HALF_UP);
        BigDecimal disclosedShare = answered == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(r.disclosed()).divide(BigDecimal.valueOf(answered), 6, RoundingMode.HALF_UP);
        BigDecimal outcome = rules.requestsOutcomeShare();
        BigDecimal score = onTimeShare.multiply(HUNDRED.subtract(outcome)).add(disclosedShare.multiply(outcome))
                .setScale(2, RoundingMode.HALF_UP);
        return new Part(score, new Basis("本年办结" + answered + "件，按期答复" + r.answeredOnTime() + "件，逾期答复" + r.answeredLate()
                + "件，目前逾期未答复" + r.openOverdue() + "件；予以公开和部分公开" + r.disclosed() + "件。", List.of(),
                "/requests/statistics/" + y.org().code() + "?year=" + y.year()));
    }

    /**
     * Findings whose deadline has passed, or that are closed, count: rectified by the deadline whole, rectified after
     * it half, not rectified nothing. Findings still within their deadline are left out.
     */
    Part supervision(BodyYear y) {
        BigDecimal credit = BigDecimal.ZERO;
        int counted = 0;
        List<String> items = new ArrayList<>();
        for (SupervisionFinding f : y.findings()) {
            boolean rectified = f.status() == FindingStatus.RECTIFIED || f.status() == FindingStatus.CLOSED;
            boolean due = f.deadline().isBefore(y.asOf()) || f.status() == FindingStatus.CLOSED;
            if (!due) {
                continue;
            }
            counted++;
            if (rectified && f.rectifiedOn() != null && !f.rectifiedOn().isAfter(f.deadline())) {
                credit = credit.add(BigDecimal.ONE);
            } else if (rectified) {
                credit = credit.add(rules.lateCredit());
                items.add("问题" + f.id() + "：" + f.problem() + "（逾期整改）");
            } else {
                items.add("问题" + f.id() + "：" + f.problem() + "（逾期未整改，期限" + f.deadline() + "）");
            }
        }
        BigDecimal score = counted == 0 ? HUNDRED : ratio(credit, counted);
        return new Part(score, new Basis("本年督查发现问题" + y.findings().size() + "个，整改期限已到或已销号的" + counted + "个。", items,
                "/supervision"));
    }

    /**
     * The website self-inspection of 国办秘函〔2019〕19号: each empty column and each stale column costs
     * {@code columnDeduction}, each broken link {@code linkDeduction}; {@code emptyColumnsVeto} empty columns or more
     * score nothing (the single-veto rule).
     */
    Part website(BodyYear y) {
        var w = y.website();
        BigDecimal score;
        if (w.emptyItems().size() >= rules.emptyColumnsVeto()) {
            score = BigDecimal.ZERO.setScale(2);
        } else {
            score = HUNDRED.subtract(rules.columnDeduction().multiply(BigDecimal.valueOf(w.emptyItems().size()
                    + w.staleItems().size()))).subtract(rules.linkDeduction().multiply(
                            BigDecimal.valueOf(w.brokenLinks().size()))).max(BigDecimal.ZERO).setScale(2);
        }
        List<String> items = new ArrayList<>();
        w.emptyItems().forEach(i -> items.add("空白栏目：" + i));
        w.staleItems().forEach(i -> items.add("长期未更新：" + i));
        w.brokenLinks().forEach(i -> items.add("不能访问的链接：" + i));
        return new Part(score, new Basis("空白栏目" + w.emptyItems().size() + "个，长期未更新栏目" + w.staleItems().size()
                + "个，" + (w.linksCheckedOn() == null ? "链接尚未检查。" : "不能访问的链接" + w.brokenLinks().size()
                + "个（" + w.linksCheckedOn() + "检查）。"), items, "/orgs/" + y.org().code()));
    }

    private static BigDecimal ratio(BigDecimal part, int whole) {
        return part.multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
