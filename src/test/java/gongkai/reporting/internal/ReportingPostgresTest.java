package gongkai.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.GongkaiApplication;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.reporting.AnnualReportFlowTest;
import gongkai.reporting.AnnualReportView;
import gongkai.reporting.AnnualReports;
import gongkai.reporting.ReportEntry;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;

/**
 * The annual report on PostgreSQL: V28, the report stored, assembled from every module's figure queries, submitted,
 * published and read back from its frozen JSON, and the reminders' one-per-day claim.
 */
@Tag("postgres")
class ReportingPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aReportIsWrittenPublishedAndRemindedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                MovableClock.Config.class).profiles("test").run(db.platformArgs(dataDir))) {
            MovableClock clock = app.getBean(MovableClock.class);
            AnnualReports reports = app.getBean(AnnualReports.class);
            Publishing publishing = app.getBean(Publishing.class);
            ReportReminders reminders = app.getBean(ReportReminders.class);
            clock.setDate(LocalDate.of(2025, 1, 6));
            Staff staff = Staff.of("ycsjyj");
            Acting.as(staff.editor(), () -> reports.save("ycsjyj", 2024, new ReportEntry(Map.of("OVERVIEW", "总体情况。"),
                    null, null, null), staff.editor()));
            assertThat(reminders.remind(LocalDate.of(2025, 1, 6))).extracting(ReportReminders.Reminder::org)
                    .contains("ycsjyj");
            assertThat(reminders.remind(LocalDate.of(2025, 1, 6))).isEmpty();
            assertThat(reminders.latest("ycsjyj")).hasSize(1);

            Acting.as(staff.editor(), () -> reports.save("ycsjyj", 2024, AnnualReportFlowTest.complete(), staff.editor()));
            String ref = Acting.as(staff.editor(), () -> reports.submit("ycsjyj", 2024, staff.editor()));
            Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
            Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
            AnnualReportView published = reports.forPublic("ycsjyj", 2024);
            assertThat(published.published()).isTrue();
            assertThat(published.content().proactive().row("FEES").values()).containsEntry("AMOUNT", "1.2500");
            assertThat(published.content().requests().rows()).hasSize(25);
            assertThat(reports.pdf("ycsjyj", 2024)).isPresent();
            assertThat(reminders.latest("ycsjyj")).isEmpty();
        }
    }
}
