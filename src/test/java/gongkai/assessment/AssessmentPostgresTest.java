package gongkai.assessment;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Obligations, the daily flags' claim, an exemption, a check's finding and the assessment on PostgreSQL: the
 * migrations and every query of the module on the real database.
 */
@Tag("postgres")
class AssessmentPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void theYearIsWorkedOutCheckedAndAssessedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                MovableClock.Config.class).profiles("test").run(db.platformArgs(dataDir))) {
            MovableClock clock = app.getBean(MovableClock.class);
            clock.setDate(LocalDate.of(2026, 11, 20));
            SyntheticRecords records = new SyntheticRecords(app.getBean(JdbcTemplate.class));
            records.published("sa-recipients", "tgxzf", "2026-09", LocalDate.of(2026, 10, 20));
            records.published("sa-recipients", "tgxzf", "2026-08", LocalDate.of(2026, 9, 16));
            records.published("sa-policy", "tgxzf", null, LocalDate.of(2026, 5, 11));

            Obligations obligations = app.getBean(Obligations.class);
            ObligationChanges changes = app.getBean(ObligationChanges.class);
            Acting.as(Acting.actor("tgxzf", Role.APPROVER), () -> changes.exempt(new ObligationChanges.NewExemption(
                    "tgxzf", "sa-recipients", "2026-06", null, "6月无发放"), Actor.require()));
            List<Obligation> mine = obligations.find(2026, "tgxzf", null).stream()
                    .filter(o -> o.item().equals("sa-recipients")).toList();
            assertThat(mine).extracting(Obligation::period, Obligation::status).contains(
                    org.assertj.core.groups.Tuple.tuple("2026-09", ObligationStatus.ON_TIME),
                    org.assertj.core.groups.Tuple.tuple("2026-08", ObligationStatus.LATE),
                    org.assertj.core.groups.Tuple.tuple("2026-10", ObligationStatus.MISSING),
                    org.assertj.core.groups.Tuple.tuple("2026-11", ObligationStatus.NOT_DUE),
                    org.assertj.core.groups.Tuple.tuple("2026-06", ObligationStatus.EXEMPT));

            ObligationInbox inbox = app.getBean(ObligationInbox.class);
            app.getBean(JdbcTemplate.class).update("UPDATE assessment_job SET ran_on = NULL");
            assertThat(inbox.runOnce(LocalDate.of(2026, 11, 20))).isTrue();
            assertThat(inbox.runOnce(LocalDate.of(2026, 11, 20))).isFalse();
            assertThat(inbox.of("tgxzf")).extracting(ObligationFlag::kind).contains(ObligationFlag.Kind.OVERDUE,
                    ObligationFlag.Kind.NEVER_PUBLISHED);

            Supervision supervision = app.getBean(Supervision.class);
            CheckRecorded check = Acting.as(Acting.actor(Acting.CITY_OFFICE, Role.AUDITOR),
                    () -> supervision.recordCheck(new NewCheck("tgxzf", LocalDate.of(2026, 11, 2),
                            List.of("TIMELINESS"), List.of(new NewCheck.Finding("10月救助发放情况未公开",
                                    "sa-recipients", null, LocalDate.of(2026, 11, 16)))), Actor.require()));
            assertThat(supervision.findingsOf("tgxzf", 2026)).hasSize(1);

            Assessments assessments = app.getBean(Assessments.class);
            AssessmentResult draft = assessments.draft(2026, AssessmentGroup.GOVERNMENT);
            BodyScore tonggu = draft.orgs().stream().filter(b -> b.org().equals("tgxzf")).findFirst().orElseThrow();
            assertThat(tonggu.parts().get("SUPERVISION")).isEqualByComparingTo("0");
            assertThat(tonggu.parts().get("INTERPRETATION")).isEqualByComparingTo("0");
            AssessmentResult published = Acting.as(Acting.actor(Acting.CITY_OFFICE, Role.ADMIN),
                    () -> assessments.publish(2026, AssessmentGroup.GOVERNMENT, Actor.require()));
            AssessmentResult read = assessments.published(2026, AssessmentGroup.GOVERNMENT).orElseThrow();
            assertThat(read.publishedAt()).isEqualTo(published.publishedAt());
            assertThat(read.orgs()).extracting(BodyScore::org, BodyScore::rank)
                    .containsExactlyElementsOf(published.orgs().stream()
                            .map(b -> org.assertj.core.groups.Tuple.tuple(b.org(), b.rank())).toList());
            assertThat(check.findingIds()).hasSize(1);
        }
    }
}
