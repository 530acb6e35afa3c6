package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.environment.AirMonth;
import gongkai.environment.AirQualityData;
import gongkai.environment.Pollutant;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PostgresTestDatabase;

/**
 * The air data on PostgreSQL: a month stored with its typed parameters (dates, decimals, a pollutant not measured),
 * a late file of one pollutant merged into the stored days, the month ranked, and the months on file read back.
 */
@Tag("postgres")
class AirPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void airDataAreStoredCorrectedAndRankedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                MovableClock.Config.class).profiles("test").run(db.platformArgs(dataDir))) {
            app.getBean(MovableClock.class).setDate(LocalDate.of(2026, 4, 2));
            AirQualityData air = app.getBean(AirQualityData.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Actor clerk = new Actor("air-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
            StringBuilder csv = new StringBuilder("date,regionCode,station,so2,no2,pm10,co,o3_8h,pm25\n");
            for (int d = 1; d <= 31; d++) {
                csv.append(String.format("2026-03-%02d,360921,,10,20,45,0.8,120,%s%n", d, d <= 29 ? "30" : ""));
                csv.append(String.format("2026-03-%02d,360922,城东站,10,20,45,0.8,120,33%n", d));
            }
            int n = Acting.as(clerk, () -> air.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), clerk));
            assertThat(n).isEqualTo(62);
            int late = Acting.as(clerk, () -> air.importCsv("date,regionCode,pm25\n2026-03-30,360921,31\n2026-03-31,360921,31\n"
                    .getBytes(StandardCharsets.UTF_8), clerk));
            assertThat(late).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT pm10 FROM air_daily WHERE region_code = '360921' AND observed_on = ?",
                    java.math.BigDecimal.class, LocalDate.of(2026, 3, 31))).isEqualByComparingTo("45");
            List<AirMonth.Place> places = air.ranking(YearMonth.of(2026, 3));
            assertThat(places).extracting(p -> p.month().region()).containsExactly("360921", "360922");
            assertThat(places.get(0).month().statistics().get(Pollutant.PM25)).isEqualByComparingTo("30");
            assertThat(places).allSatisfy(p -> assertThat(p.rank()).isNotNull());
            assertThat(air.monthsOnFile(3)).singleElement().satisfies(m -> {
                assertThat(m.month()).isEqualTo(YearMonth.of(2026, 3));
                assertThat(m.rows()).isEqualTo(62);
                assertThat(m.regions()).isEqualTo(2);
            });
        }
    }
}
