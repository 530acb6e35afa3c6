package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.requests.internal.ClockKeeper;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;

/** Intake and the clock on PostgreSQL: the migration, the id sequence, the history and table 三 on the real database. */
@Tag("postgres")
class RequestsPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aRequestIsTakenInCorrectedAndAnsweredOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                MovableClock.Config.class).profiles("test").run(db.platformArgs(dataDir))) {
            RequestIntake intake = app.getBean(RequestIntake.class);
            ApplicantAccess applicants = app.getBean(ApplicantAccess.class);
            RequestHandling handling = app.getBean(RequestHandling.class);
            ClockKeeping clockKeeping = app.getBean(ClockKeeping.class);
            MovableClock clock = app.getBean(MovableClock.class);
            Staff staff = Staff.of("ycsmzj");

            // Received Wed 9/23 → due 10/28 (see StatutoryClockTest).
            clock.setDate(LocalDate.parse("2026-09-23"));
            Submitted s = intake.submit(Applicants.person("ycsmzj", "2026年临时救助资金发放情况"));
            Submitted other = intake.submit(Applicants.organisation("ycsmzj", ApplicantKind.LEGAL_SERVICE,
                    "2026年养老机构名单"));
            assertThat(s.dueOn()).isEqualTo(LocalDate.parse("2026-10-28"));
            assertThat(other.trackingNo()).isNotEqualTo(s.trackingNo());

            // Correction asked Mon 9/28 (the 7th working day after receipt is Sat 10/10), corrected Fri 10/9:
            // 10/10 (1); 10/12–16 (6); 10/19–23 (11); 10/26–30 (16); 11/2, 11/3, 11/4, 11/5 (20).
            clock.setDate(LocalDate.parse("2026-09-28"));
            RequestView asked = Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(s.trackingNo(),
                    List.of("请写明所属县区"), LocalDate.parse("2026-10-16")));
            assertThat(asked.lastDayForCorrectionNotice()).isEqualTo(LocalDate.parse("2026-10-10"));
            clock.setDate(LocalDate.parse("2026-10-09"));
            RequestView corrected = applicants.correctByApplicant(s.trackingNo(), s.code(), "2026年袁州区临时救助资金发放情况");
            assertThat(corrected.dueOn()).isEqualTo(LocalDate.parse("2026-11-05"));

            app.getBean(ClockKeeper.class).run(LocalDate.parse("2026-10-29"));
            clock.setDate(LocalDate.parse("2026-10-29"));
            RequestView late = applicants.track(other.trackingNo(), other.code());
            assertThat(late.overdue()).isTrue();
            assertThat(late.history()).extracting(RequestEvent::kind).contains(RequestEvent.Kind.OVERDUE);

            clock.setDate(LocalDate.parse("2026-11-04"));
            RequestView answered = Acting.as(staff.approver(), () -> handling.reply(s.trackingNo(), new Reply(
                    "PARTIAL", "发放总额予以公开；涉及个人的部分不予公开。", null, null)));
            assertThat(answered.answeredLate()).isFalse();
            assertThat(applicants.letterForApplicant(s.trackingNo(), s.code()).pdf()).startsWith("%PDF".getBytes());

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM info_request_event WHERE request_id = "
                    + "(SELECT id FROM info_request WHERE tracking_no = ?)", Long.class, s.trackingNo())).isEqualTo(4);
            clock.setDate(LocalDate.parse("2027-01-10"));
            AnnualRequestTable table = app.getBean(RequestStatistics.class).table("ycsmzj", 2026);
            assertThat(table.row(AnnualRequestTable.NEW).value(AnnualRequestTable.Column.TOTAL)).isEqualTo(2);
            assertThat(table.row("PARTIAL").value(AnnualRequestTable.Column.NATURAL_PERSON)).isEqualTo(1);
            assertThat(table.row(AnnualRequestTable.CARRIED_FORWARD).value(AnnualRequestTable.Column.LEGAL_SERVICE))
                    .isEqualTo(1);

            // Table 四 and the fees collected, read on PostgreSQL (V31).
            Appeals appeals = app.getBean(Appeals.class);
            long review = Acting.as(staff.editor(), () -> appeals.register(s.trackingNo(), new NewAppeal("REVIEW",
                    LocalDate.parse("2026-11-20"), "宜春市人民政府", null)));
            Acting.as(staff.editor(), () -> appeals.recordResult(s.trackingNo(), review, new AppealDecision("UPHELD",
                    LocalDate.parse("2026-11-30"))));
            assertThat(appeals.figures(List.of("ycsmzj"), 2026).count(AppealKind.REVIEW, AppealResult.UPHELD))
                    .isEqualTo(1);
            Acting.as(staff.approver(), () -> clockKeeping.requestFee(other.trackingNo(), "PER_VOLUME", 40));
            clock.setDate(LocalDate.parse("2027-01-12"));
            Acting.as(staff.editor(), () -> clockKeeping.feePaid(other.trackingNo(), LocalDate.parse("2027-01-12")));
            assertThat(app.getBean(RequestStatistics.class).fees(List.of("ycsmzj"), 2027))
                    .isEqualTo(new FeeFigures(1, new java.math.BigDecimal("100.00")));
        }
    }
}
