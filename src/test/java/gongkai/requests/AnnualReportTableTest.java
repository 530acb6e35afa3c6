package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.requests.AnnualRequestTable.Column;
import gongkai.requests.internal.ClockKeeper;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * Table 三 of the annual report computed from requests: every outcome lands in its row and in its applicant's column,
 * and over a generated year of requests — received in one year, answered in the next or not at all — the consistency
 * rules of §2c hold and match the requests one by one.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AnnualReportTableTest extends RequestScenario {

    @Autowired
    RequestStatistics statistics;
    @Autowired
    ClockKeeper keeper;
    @Autowired
    MockMvc mvc;

    private static NewRequest asking(String org, ApplicantKind kind, String description) {
        return kind.isPerson() ? Applicants.person(org, description) : Applicants.organisation(org, kind, description);
    }

    /**
     * Takes a request received on {@code receivedOn} to {@code outcome}, answering on {@code answeredOn} (outcomes
     * that only a lapse reaches end the day after their deadline instead). Returns the day it ended.
     */
    private LocalDate drive(Staff staff, String org, ApplicantKind kind, LocalDate receivedOn, RequestOutcome outcome,
            LocalDate answeredOn) {
        clock.setDate(receivedOn);
        Submitted s = Origins.fresh(() -> intake.submit(asking(org, kind, "关于" + outcome.rowLabel() + "的申请")));
        String no = s.trackingNo();
        switch (outcome) {
            case OTHER_NO_CORRECTION -> {
                LocalDate deadline = receivedOn.plusDays(10);
                Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(no, List.of("请写明文号"), deadline));
                keeper.run(deadline.plusDays(1));
                return deadline.plusDays(1);
            }
            case OTHER_FEE_UNPAID -> {
                RequestView noticed = Acting.as(staff.approver(), () -> clockKeeping.requestFee(no, "PER_VOLUME", 60));
                keeper.run(noticed.pauseUntil().plusDays(1));
                return noticed.pauseUntil().plusDays(1);
            }
            case NOT_AVAILABLE_STILL_UNCLEAR -> {
                Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(no, List.of("请写明文号"),
                        receivedOn.plusDays(5)));
                clock.setDate(receivedOn.plusDays(1));
                applicants.correctByApplicant(no, s.code(), "补正后的描述仍然笼统");
            }
            default -> {
            }
        }
        clock.setDate(answeredOn);
        Acting.as(staff.approver(), () -> handling.reply(no, new Reply(outcome.name(), "答复内容。", null, null)));
        return answeredOn;
    }

    @Test
    void everyOutcomeLandsInItsRowAndItsApplicantsColumn() throws Exception {
        String org = "tgxzf";
        Staff staff = Staff.of(org);
        ApplicantKind[] kinds = ApplicantKind.values();
        Map<RequestOutcome, ApplicantKind> columnOf = new EnumMap<>(RequestOutcome.class);
        int i = 0;
        for (RequestOutcome outcome : RequestOutcome.values()) {
            ApplicantKind kind = kinds[i++ % kinds.length];
            columnOf.put(outcome, kind);
            drive(staff, org, kind, d("2026-03-02"), outcome, d("2026-03-20"));
        }
        clock.setDate(d("2027-01-05"));
        AnnualRequestTable table = statistics.table(org, 2026);
        assertThat(table.provisional()).isFalse();
        assertThat(table.rows()).hasSize(25);
        for (RequestOutcome outcome : RequestOutcome.values()) {
            AnnualRequestTable.Row row = table.row(outcome.name());
            for (Column c : Column.values()) {
                int expected = c == Column.TOTAL || c.name().equals(columnOf.get(outcome).name()) ? 1 : 0;
                assertThat(row.value(c)).as(outcome + " / " + c).isEqualTo(expected);
            }
        }
        assertThat(table.row(AnnualRequestTable.NEW).value(Column.TOTAL)).isEqualTo(21);
        assertThat(table.row(AnnualRequestTable.TOTAL).value(Column.TOTAL)).isEqualTo(21);
        assertThat(table.row(AnnualRequestTable.CARRIED_FORWARD).value(Column.TOTAL)).isZero();

        mvc.perform(get("/api/v1/annual-reports/{o}/{y}", org, 2026))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org.name").value("铜鼓县人民政府"))
                .andExpect(jsonPath("$.requests.columns.length()").value(7))
                .andExpect(jsonPath("$.requests.rows.length()").value(25))
                .andExpect(jsonPath("$.requests.rows[0].label").value("一、本年新收政府信息公开申请数量"))
                .andExpect(jsonPath("$.requests.rows[2].code").value("PUBLIC"))
                .andExpect(jsonPath("$.requests.rows[2].label").value("（一）予以公开"))
                .andExpect(jsonPath("$.requests.rows[4].heading").value("（三）不予公开"))
                .andExpect(jsonPath("$.requests.rows[4].label").value("1.属于国家秘密"))
                .andExpect(jsonPath("$.requests.rows[23].label").value("（七）总计"))
                .andExpect(jsonPath("$.requests.rows[23].values.TOTAL").value(21))
                .andExpect(jsonPath("$.requests.rows[24].label").value("四、结转下年度继续办理"));
        mvc.perform(get("/api/v1/annual-reports/{o}/{y}", "nowhere", 2026)).andExpect(status().isNotFound());
    }

    @Test
    void theConsistencyRulesHoldOverAGeneratedYearOfRequests() {
        String org = "jaxzf";
        Staff staff = Staff.of(org);
        Random random = new Random(2026);
        List<RequestOutcome> direct = RequestOutcome.choosable().stream()
                .filter(o -> o != RequestOutcome.NOT_AVAILABLE_STILL_UNCLEAR).toList();
        record Fact(ApplicantKind kind, LocalDate receivedOn, LocalDate answeredOn, RequestOutcome outcome) {
        }
        List<Fact> facts = new ArrayList<>();
        LocalDate first = d("2025-10-01");
        for (int n = 0; n < 120; n++) {
            ApplicantKind kind = ApplicantKind.values()[random.nextInt(random.nextBoolean() ? 1 : 6)];
            LocalDate received = first.plusDays(random.nextInt(440));
            int fate = random.nextInt(20);
            if (fate < 3) {
                clock.setDate(received);
                Origins.fresh(() -> intake.submit(asking(org, kind, "尚未办结的申请")));
                facts.add(new Fact(kind, received, null, null));
                continue;
            }
            RequestOutcome outcome = fate == 3 ? RequestOutcome.OTHER_NO_CORRECTION
                    : fate == 4 ? RequestOutcome.NOT_AVAILABLE_STILL_UNCLEAR
                    : direct.get(random.nextInt(direct.size()));
            LocalDate answered = drive(staff, org, kind, received, outcome, received.plusDays(3 + random.nextInt(45)));
            facts.add(new Fact(kind, received, answered, outcome));
        }
        clock.setDate(d("2027-03-01"));
        AnnualRequestTable y2025 = statistics.table(org, 2025);
        AnnualRequestTable y2026 = statistics.table(org, 2026);
        for (AnnualRequestTable table : List.of(y2025, y2026)) {
            int year = table.year();
            for (Column c : Column.values()) {
                int one = table.row(AnnualRequestTable.NEW).value(c);
                int two = table.row(AnnualRequestTable.CARRIED_OVER).value(c);
                int seven = table.row(AnnualRequestTable.TOTAL).value(c);
                int four = table.row(AnnualRequestTable.CARRIED_FORWARD).value(c);
                assertThat(one + two).as(year + " 一 + 二 = （七）总计 + 四, " + c).isEqualTo(seven + four);
                assertThat(RequestOutcome.choosable().stream().mapToInt(o -> table.row(o.name()).value(c)).sum()
                        + table.row("OTHER_NO_CORRECTION").value(c) + table.row("OTHER_FEE_UNPAID").value(c))
                        .isEqualTo(seven);
                // The same figures, counted from the facts one by one.
                assertThat(one).isEqualTo(count(facts, f -> inColumn(f.kind(), c) && f.receivedOn().getYear() == year));
                assertThat(two).isEqualTo(count(facts, f -> inColumn(f.kind(), c) && f.receivedOn().getYear() < year
                        && (f.answeredOn() == null || f.answeredOn().getYear() >= year)));
                assertThat(four).isEqualTo(count(facts, f -> inColumn(f.kind(), c) && f.receivedOn().getYear() <= year
                        && (f.answeredOn() == null || f.answeredOn().getYear() > year)));
                for (RequestOutcome o : RequestOutcome.values()) {
                    assertThat(table.row(o.name()).value(c)).as(year + " " + o + " " + c).isEqualTo(count(facts,
                            f -> inColumn(f.kind(), c) && o == f.outcome() && f.answeredOn().getYear() == year));
                }
            }
        }
        // What 2025 carried forward is what 2026 carried over.
        assertThat(y2026.row(AnnualRequestTable.CARRIED_OVER).values())
                .isEqualTo(y2025.row(AnnualRequestTable.CARRIED_FORWARD).values());
        assertThat(y2026.row(AnnualRequestTable.TOTAL).value(Column.TOTAL)).isPositive();
        assertThat(y2026.row(AnnualRequestTable.CARRIED_OVER).value(Column.TOTAL)).isPositive();
    }

    @Test
    void aTableThatBreaksTheRulesIsRefused() {
        AnnualRequestTable good = AnnualRequestTable.of("x", "某机关", 2026, d("2027-01-01"), List.of(
                new AnnualRequestTable.Counted(ApplicantKind.NATURAL_PERSON, d("2026-01-05"), null, null)));
        List<AnnualRequestTable.Row> rows = new ArrayList<>(good.rows());
        AnnualRequestTable.Row forward = rows.get(24);
        rows.set(24, new AnnualRequestTable.Row(forward.code(), forward.label(), forward.heading(),
                new int[] {0, 0, 0, 0, 0, 0, 0}));
        assertThatThrownBy(() -> new AnnualRequestTable("x", "某机关", 2026, d("2027-01-01"), rows))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("一 + 二");
    }

    private static boolean inColumn(ApplicantKind kind, Column c) {
        return c == Column.TOTAL || c.name().equals(kind.name());
    }

    private static <T> int count(List<T> facts, java.util.function.Predicate<T> test) {
        return (int) facts.stream().filter(test).count();
    }
}
