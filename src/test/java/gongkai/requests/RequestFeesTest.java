package gongkai.requests;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/** The 信息处理费 a body collected in a year: the fees of its requests whose payment is dated in the year. */
@PlatformTest
@Import(MovableClock.Config.class)
class RequestFeesTest extends RequestScenario {

    @Autowired
    RequestStatistics statistics;

    @Test
    void theFeesOfAYearAreThoseItsPaymentsWereRecordedIn() {
        String org = "ycswgx";
        Staff office = Staff.of(org);
        String paidInDecember = receivedOn(org, "2024-12-02").trackingNo();
        String paidInJanuary = receivedOn(org, "2024-12-16").trackingNo();
        String neverPaid = receivedOn(org, "2024-12-16").trackingNo();
        Staff elsewhereOffice = Staff.of("ycsfpb");
        String elsewhere = receivedOn("ycsfpb", "2024-12-02").trackingNo();
        on("2024-12-03", () -> notice(office, paidInDecember, 60));
        on("2024-12-03", () -> notice(elsewhereOffice, elsewhere, 40));
        on("2024-12-17", () -> notice(office, paidInJanuary, 40));
        on("2024-12-17", () -> notice(office, neverPaid, 31));
        on("2024-12-31", () -> Acting.as(office.editor(), () -> clockKeeping.feePaid(paidInDecember,
                d("2024-12-30"))));
        on("2025-01-06", () -> Acting.as(office.editor(), () -> clockKeeping.feePaid(paidInJanuary,
                d("2025-01-06"))));
        on("2024-12-31", () -> Acting.as(elsewhereOffice.editor(), () -> clockKeeping.feePaid(elsewhere,
                d("2024-12-31"))));

        assertThat(statistics.fees(List.of(org), 2024)).isEqualTo(new FeeFigures(1, new BigDecimal("300.00")));
        assertThat(statistics.fees(List.of(org), 2025)).isEqualTo(new FeeFigures(1, new BigDecimal("100.00")));
        assertThat(statistics.fees(List.of(org), 2023)).isEqualTo(new FeeFigures(0, new BigDecimal("0.00")));
        assertThat(statistics.fees(List.of(org, "ycsfpb"), 2024))
                .isEqualTo(new FeeFigures(2, new BigDecimal("400.00")));
        assertThat(statistics.fees(List.of(), 2024)).isEqualTo(new FeeFigures(0, new BigDecimal("0.00")));
    }

    private Submitted receivedOn(String org, String day) {
        clock.setDate(d(day));
        return Origins.fresh(() -> intake.submit(Applicants.person(org, "2024年文化惠民工程资金使用情况")));
    }

    private <T> T on(String day, Supplier<T> step) {
        clock.setDate(d(day));
        return step.get();
    }

    private RequestView notice(Staff office, String no, int pages) {
        return Acting.as(office.approver(), () -> clockKeeping.requestFee(no, "PER_VOLUME", pages));
    }
}
