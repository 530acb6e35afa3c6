package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.GongkaiApplication;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.environment.WaterClass;
import gongkai.environment.WaterQualityData;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PostgresTestDatabase;

/**
 * The water data on PostgreSQL: V34, sections and sources registered, samples stored and one replaced, a quarter and
 * a month read back, and the drafts claimed once per period.
 */
@Tag("postgres")
class WaterPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void waterDataAreStoredReplacedReadAndDraftedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                MovableClock.Config.class).profiles("test").run(db.platformArgs(dataDir))) {
            MovableClock clock = app.getBean(MovableClock.class);
            WaterQualityData water = app.getBean(WaterQualityData.class);
            WaterDrafts drafts = app.getBean(WaterDrafts.class);
            WorkingDayCalendar calendar = app.getBean(WorkingDayCalendar.class);
            clock.setDate(LocalDate.of(2026, 4, 1));
            Actor clerk = new Actor("water-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
            Acting.as(clerk, () -> {
                water.addSection("TWP-1", "TW库测试断面", "360921", "river", clerk);
                water.addSource("TWP-S1", "TW库测试水源地", "360921", "lake", clerk);
                water.importSamplesCsv("sampledOn,sectionCode,nh3n,cn\n2026-02-01,TWP-1,1.8,0.004L\n"
                        .getBytes(StandardCharsets.UTF_8), clerk);
                water.importSamplesCsv("sampledOn,sectionCode,nh3n\n2026-02-01,TWP-1,0.9\n"
                        .getBytes(StandardCharsets.UTF_8), clerk);
                return water.importDrinkingSamplesCsv(("sampledOn,sourceCode,volume,tp,fe\n"
                        + "2026-03-03,TWP-S1,120.5,0.03,0.4\n").getBytes(StandardCharsets.UTF_8), clerk);
            });
            WaterQualityData.SurfaceQuarter q = water.quarter(WaterQualityData.parseQuarter("2026-Q1"));
            assertThat(q.sections()).singleElement().satisfies(s -> {
                assertThat(s.quality().waterClass()).isEqualTo(WaterClass.III);
                assertThat(s.quality().item("CN")).isNull();
            });
            WaterQualityData.DrinkingMonth m = water.drinkingMonth(YearMonth.of(2026, 3));
            assertThat(m.sources()).singleElement().satisfies(s -> {
                assertThat(s.compliance().compliant()).isFalse();
                assertThat(s.compliance().volume()).isEqualByComparingTo("120.5");
            });
            assertThat(water.quartersWithData()).extracting(Object::toString).containsExactly("2026-Q1");

            LocalDate due = calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 4), 5);
            clock.setDate(due);
            assertThat(drafts.draftQuarterDue(due)).isNotNull();
            assertThat(drafts.draftQuarterDue(due)).isNull();
            assertThat(drafts.draftMonthDue(due)).isNotNull();
            assertThat(drafts.draftMonthDue(due)).isNull();
        }
    }
}
