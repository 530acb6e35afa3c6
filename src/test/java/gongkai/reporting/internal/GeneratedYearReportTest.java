package gongkai.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Validity;
import gongkai.reporting.AnnualReportContent;
import gongkai.reporting.AnnualReportView;
import gongkai.reporting.AnnualReports;
import gongkai.reporting.ReportEntry;
import gongkai.reporting.ReportTable;
import gongkai.requests.AnnualRequestTable;
import gongkai.requests.AppealDecision;
import gongkai.requests.AppealKind;
import gongkai.requests.AppealResult;
import gongkai.requests.Appeals;
import gongkai.requests.ApplicantKind;
import gongkai.requests.Applicants;
import gongkai.requests.NewAppeal;
import gongkai.requests.Reply;
import gongkai.requests.RequestHandling;
import gongkai.requests.RequestIntake;
import gongkai.requests.RequestOutcome;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * A year generated at random (seeded) for a county government — normative documents published, repealed, expiring and
 * withdrawn across the turn of the years; requests received, answered in the year, the next or never, by every kind of
 * applicant; reviews and lawsuits filed and decided across the year's end — and rebuilt into tables 二/三/四. Each
 * figure is counted here again from what was generated, every consistency rule of the format holds, and the report
 * goes through review unchanged; what happens after publication does not change the published report.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class GeneratedYearReportTest {

    private static final String ORG = "fcszf";
    private static final int YEAR = 2023;
    private static final LocalDate FIRST = LocalDate.of(YEAR, 1, 1);
    private static final LocalDate LAST = LocalDate.of(YEAR, 12, 31);
    private static final List<RequestOutcome> REPLIED = java.util.Arrays.stream(RequestOutcome.values())
            .filter(o -> o != RequestOutcome.OTHER_NO_CORRECTION && o != RequestOutcome.OTHER_FEE_UNPAID
                    && o != RequestOutcome.NOT_AVAILABLE_STILL_UNCLEAR)
            .toList();

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    AnnualReports reports;
    @Autowired
    Publishing publishing;
    @Autowired
    RequestIntake intake;
    @Autowired
    RequestHandling handling;
    @Autowired
    Appeals appeals;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A working weekday between two dates (holidays aside, which the platform does not need here). */
    private static LocalDate day(Random random, LocalDate from, LocalDate to) {
        LocalDate d;
        do {
            d = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        } while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        return d;
    }

    private record Request(String trackingNo, ApplicantKind kind, LocalDate receivedOn, LocalDate answeredOn,
            RequestOutcome outcome) {
    }

    @Test
    void aGeneratedYearRebuildsIntoTablesTwoThreeAndFourWithEveryRuleHolding() {
        Random random = new Random(14);
        Staff staff = Staff.of(ORG);

        // 表二: 行政规范性文件 published from March 2022 to February 2024.
        int issued = 0;
        int repealed = 0;
        int inForce = 0;
        for (int i = 0; i < 14; i++) {
            LocalDate on = day(random, LocalDate.of(2022, 3, 1), LocalDate.of(2024, 2, 28));
            LocalDate until = i % 4 == 1 ? on.plusDays(120 + random.nextInt(500)) : null;
            clock.setDate(on);
            String indexNo = review.publish(staff, new RecordInput("sa-policy", ORG, "360981",
                    "丰城市社会救助规范性文件（生成" + i + "）", "生成的规范性文件。", "丰府规〔" + on.getYear() + "〕" + (i + 1) + "号",
                    on, "<p>正文。</p>", List.of(), null, null, null, null, null, null, null, null, "NORMATIVE", until));
            LocalDate ceased = until == null ? null : until.plusDays(1);
            if (i % 4 == 2) {
                LocalDate repeal = day(random, on.plusDays(20), on.plusDays(400));
                clock.setDate(repeal);
                Acting.as(staff.approver(), () -> {
                    publishing.setValidity(indexNo, Validity.REPEALED, repeal);
                    return null;
                });
                ceased = repeal;
            }
            if (i == 7) {
                clock.setDate(on.plusDays(3));
                Acting.as(staff.approver(), () -> {
                    publishing.withdraw(indexNo, "发布有误");
                    return null;
                });
                continue;
            }
            issued += !on.isBefore(FIRST) && !on.isAfter(LAST) ? 1 : 0;
            repealed += ceased != null && !ceased.isBefore(FIRST) && !ceased.isAfter(LAST) ? 1 : 0;
            inForce += !on.isAfter(LAST) && (ceased == null || ceased.isAfter(LAST)) ? 1 : 0;
        }

        // 表三: requests received from November 2022 to December 2023, answered within 1–60 days or never.
        List<Request> requests = new ArrayList<>();
        ApplicantKind[] kinds = ApplicantKind.values();
        for (int i = 0; i < 36; i++) {
            ApplicantKind kind = kinds[random.nextInt(kinds.length)];
            LocalDate received = day(random, LocalDate.of(2022, 11, 1), LocalDate.of(2023, 12, 29));
            clock.setDate(received);
            String no = Origins.fresh(() -> intake.submit(kind.isPerson()
                    ? Applicants.person(ORG, "生成的申请" + received)
                    : Applicants.organisation(ORG, kind, "生成的申请" + received))).trackingNo();
            RequestOutcome outcome = REPLIED.get(random.nextInt(REPLIED.size()));
            LocalDate answered = i % 9 == 4 ? null : day(random, received.plusDays(1), received.plusDays(60));
            if (answered != null) {
                clock.setDate(answered);
                Acting.as(staff.approver(), () -> handling.reply(no, new Reply(outcome.name(), "答复内容。", null, null)));
            }
            requests.add(new Request(no, kind, received, answered, outcome));
        }

        // 表四: cases filed against answered requests, decided in the year, the next, or not yet.
        Map<AppealKind, Map<AppealResult, Integer>> cases = new EnumMap<>(AppealKind.class);
        for (AppealKind k : AppealKind.values()) {
            Map<AppealResult, Integer> m = new EnumMap<>(AppealResult.class);
            for (AppealResult r : AppealResult.values()) {
                m.put(r, 0);
            }
            cases.put(k, m);
        }
        clock.setDate(LocalDate.of(2024, 6, 28));
        int filedCases = 0;
        for (Request r : requests) {
            if (r.answeredOn() == null || filedCases >= 12) {
                continue;
            }
            LocalDate filed = day(random, r.answeredOn().plusDays(1), r.answeredOn().plusDays(90));
            if (filed.isAfter(LocalDate.of(2024, 6, 1))) {
                continue;
            }
            AppealKind kind = filedCases % 3 == 1 ? AppealKind.LITIGATION_DIRECT : AppealKind.REVIEW;
            long id = Acting.as(staff.editor(), () -> appeals.register(r.trackingNo(),
                    new NewAppeal(kind.name(), filed, kind == AppealKind.REVIEW ? "丰城市人民政府" : "丰城市人民法院", null)));
            filedCases++;
            AppealResult result = AppealResult.values()[random.nextInt(AppealResult.values().length)];
            LocalDate decided = result == AppealResult.PENDING ? null : day(random, filed, filed.plusDays(120));
            if (decided != null && decided.isAfter(LocalDate.of(2024, 6, 28))) {
                decided = LocalDate.of(2024, 6, 28);
            }
            LocalDate decidedOn = decided;
            Acting.as(staff.editor(), () -> appeals.recordResult(r.trackingNo(), id,
                    new AppealDecision(result.name(), decidedOn)));
            if (!filed.isBefore(FIRST) && !filed.isAfter(LAST)) {
                AppealResult atYearEnd = decided == null || decided.isAfter(LAST) ? AppealResult.PENDING : result;
                cases.get(kind).merge(atYearEnd, 1, Integer::sum);
            }
            if (kind == AppealKind.REVIEW && decided != null && !decided.isAfter(LocalDate.of(2024, 5, 1))
                    && cases.get(AppealKind.LITIGATION_AFTER_REVIEW).values().stream().mapToInt(Integer::intValue)
                            .sum() == 0) {
                LocalDate sued = decided.plusDays(10);
                Acting.as(staff.editor(), () -> appeals.register(r.trackingNo(),
                        new NewAppeal(AppealKind.LITIGATION_AFTER_REVIEW.name(), sued, "宜春市中级人民法院", null)));
                if (!sued.isAfter(LAST)) {
                    cases.get(AppealKind.LITIGATION_AFTER_REVIEW).merge(AppealResult.PENDING, 1, Integer::sum);
                }
            }
        }
        assertThat(filedCases).isGreaterThanOrEqualTo(8);

        // What staff enter: the figures from other systems, and one lawsuit not registered on the platform.
        clock.setDate(LocalDate.of(2024, 1, 15));
        Map<String, Object> figures = new LinkedHashMap<>(Map.of("LICENSING", "812", "PUNISHMENT", "40",
                "COERCION", "2", "FEES", "3.5"));
        Map<String, String> sources = new LinkedHashMap<>();
        figures.keySet().forEach(k -> sources.put(k, "县政务服务数据管理局汇总"));
        ReportEntry entry = new ReportEntry(Map.of("OVERVIEW", "总体情况。", "PROBLEMS", "问题和改进。",
                "ACCOUNTABILITY", "未发生责任追究。"), figures, sources,
                Map.of("LITIGATION_DIRECT", Map.of("UPHELD", "1", "TOTAL", "1")));
        AnnualReportView view = Acting.as(staff.editor(), () -> reports.save(ORG, YEAR, entry, staff.editor()));
        AnnualReportContent c = view.content();
        assertThat(c.levelReport()).isTrue();
        assertThat(c.title()).isEqualTo("丰城市人民政府2023年政府信息公开工作年度报告");

        // 表二
        ReportTable proactive = c.proactive();
        assertThat(proactive.count("NORMATIVE", "ISSUED")).as("issued").isEqualTo(issued);
        assertThat(proactive.count("NORMATIVE", "REPEALED")).as("repealed").isEqualTo(repealed);
        assertThat(proactive.count("NORMATIVE", "IN_FORCE")).as("in force").isEqualTo(inForce);
        assertThat(proactive.count("REGULATION", "IN_FORCE")).isZero();
        assertThat(proactive.count("LICENSING", "DECISIONS")).isEqualTo(812);
        assertThat(proactive.row("FEES").values()).containsEntry("AMOUNT", "3.5000");
        assertThat(issued + repealed + inForce).isPositive();

        // 表三, counted again request by request.
        ReportTable table = c.requests();
        for (AnnualRequestTable.Column col : AnnualRequestTable.Column.values()) {
            java.util.function.Predicate<Request> inColumn = r -> col == AnnualRequestTable.Column.TOTAL
                    || col.name().equals(r.kind().name());
            long fresh = requests.stream().filter(inColumn).filter(r -> !r.receivedOn().isBefore(FIRST)).count();
            long carriedOver = requests.stream().filter(inColumn).filter(r -> r.receivedOn().isBefore(FIRST)
                    && (r.answeredOn() == null || !r.answeredOn().isBefore(FIRST))).count();
            long carriedForward = requests.stream().filter(inColumn)
                    .filter(r -> r.answeredOn() == null || r.answeredOn().isAfter(LAST)).count();
            assertThat(table.count(AnnualRequestTable.NEW, col.name())).as("一 " + col).isEqualTo((int) fresh);
            assertThat(table.count(AnnualRequestTable.CARRIED_OVER, col.name())).as("二 " + col).isEqualTo((int) carriedOver);
            assertThat(table.count(AnnualRequestTable.CARRIED_FORWARD, col.name())).as("四 " + col)
                    .isEqualTo((int) carriedForward);
            for (RequestOutcome o : RequestOutcome.values()) {
                long n = requests.stream().filter(inColumn).filter(r -> r.answeredOn() != null
                        && !r.answeredOn().isBefore(FIRST) && !r.answeredOn().isAfter(LAST) && r.outcome() == o).count();
                assertThat(table.count(o.name(), col.name())).as(o + " " + col).isEqualTo((int) n);
            }
        }
        assertThat(table.count(AnnualRequestTable.CARRIED_OVER, "TOTAL")).isPositive();
        assertThat(table.count(AnnualRequestTable.CARRIED_FORWARD, "TOTAL")).isPositive();

        // 表四: the cases registered, plus the one entered.
        for (AppealKind k : AppealKind.values()) {
            int total = 0;
            for (AppealResult r : AppealResult.values()) {
                int expected = cases.get(k).get(r) + (k == AppealKind.LITIGATION_DIRECT && r == AppealResult.UPHELD ? 1 : 0);
                assertThat(c.appeals().count(k.name(), r.name())).as(k + " " + r).isEqualTo(expected);
                total += expected;
            }
            assertThat(c.appeals().count(k.name(), "TOTAL")).isEqualTo(total);
        }
        assertThat(c.appeals().count("REVIEW", "TOTAL")).isPositive();

        // Every rule of the format holds, and breaking one is caught and named.
        assertThat(ReportConsistency.violations(c)).isEmpty();
        Map<String, Object> broken = new LinkedHashMap<>(c.appeals().row("REVIEW").values());
        broken.put("TOTAL", c.appeals().count("REVIEW", "TOTAL") + 1);
        List<ReportTable.Row> rows = new ArrayList<>(c.appeals().rows());
        rows.set(0, new ReportTable.Row("REVIEW", "行政复议", null, broken, null));
        AnnualReportContent wrong = new AnnualReportContent(c.org(), c.orgName(), c.title(), c.year(), true, c.covers(),
                c.sections(), c.proactive(), c.requests(), new ReportTable(c.appeals().title(), c.appeals().columns(), rows),
                c.fees(), c.assessment(), c.asOf());
        assertThat(ReportConsistency.violations(wrong)).singleElement().asString().startsWith("表四勾稽关系不符：行政复议的总计");

        // Through review unchanged; afterwards the data move on, the published report does not.
        String ref = Acting.as(staff.editor(), () -> reports.submit(ORG, YEAR, staff.editor()));
        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        clock.setDate(LocalDate.of(2024, 3, 20));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        AnnualReportView published = reports.forPublic(ORG, YEAR);
        assertThat(published.published()).isTrue();
        assertThat(published.late()).isFalse();
        assertThat(published.content().requests()).isEqualTo(c.requests());
        assertThat(published.content().proactive()).isEqualTo(c.proactive());
        assertThat(published.content().assessment().summary()).contains("尚未公布");
        clock.setDate(LocalDate.of(2024, 4, 1));
        Request late = requests.stream().filter(r -> r.answeredOn() != null && r.answeredOn().isBefore(LAST)).findFirst()
                .orElseThrow();
        Acting.as(staff.editor(), () -> appeals.register(late.trackingNo(),
                new NewAppeal("REVIEW", LocalDate.of(YEAR, 12, 20), "丰城市人民政府", "补登记")));
        assertThat(reports.forPublic(ORG, YEAR).content().appeals()).isEqualTo(c.appeals());
    }
}
