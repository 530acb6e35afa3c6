package gongkai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.GongkaiApplication;
import gongkai.environment.AirMonth;
import gongkai.environment.AirQualityData;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/**
 * The air-quality benchmark (issue 15): a year of daily data for the 13 counties and districts and 50 stations (a
 * CSV of 365 × 63 rows) taken in through {@link AirQualityData#importCsv}, then the twelve months ranked. Each run
 * starts from an empty table. Prints figures; asserts nothing.
 */
public final class EnvironmentBenchmark {

    private static final List<String> REGIONS = List.of("360902", "360921", "360922", "360923", "360924", "360925",
            "360926", "360981", "360982", "360983", "360902400", "360902402", "360902403");

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        Path data = Path.of("target", "bench-environment-data").toAbsolutePath();
        deleteTree(data);
        List<String> appArgs = List.of("--gongkai.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false",
                "--gongkai.ledger.self-check.enabled=false", "--gongkai.assessment.flags-cron=-",
                "--gongkai.reporting.reminders-cron=-");
        byte[] csv = year(LocalDate.of(2025, 12, 1));
        System.out.printf("Environment benchmark: a year of daily air data, 13 regions and 50 stations (%,d rows, %,d "
                + "bytes of CSV), H2 file database, max heap %d MB, %d cores%n", rows(csv), csv.length,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            AirQualityData air = app.getBean(AirQualityData.class);
            org.springframework.jdbc.core.JdbcTemplate jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            Actor clerk = new Actor("bench", "ycshbj", EnumSet.of(Role.EDITOR), false);
            long[] imports = new long[runs];
            long[] rankings = new long[runs];
            for (int i = 0; i < runs; i++) {
                jdbc.update("DELETE FROM air_daily");
                long t = System.nanoTime();
                int n = Actor.callAs(clerk, () -> air.importCsv(csv, clerk));
                imports[i] = System.nanoTime() - t;
                t = System.nanoTime();
                int ranked = 0;
                for (int m = 0; m < 12; m++) {
                    List<AirMonth.Place> places = air.ranking(YearMonth.of(2025, 12).plusMonths(m));
                    ranked += places.size();
                }
                rankings[i] = System.nanoTime() - t;
                if (n != rows(csv) || ranked != 12 * REGIONS.size()) {
                    throw new IllegalStateException("Imported " + n + ", ranked " + ranked);
                }
            }
            long[] total = new long[runs];
            for (int i = 0; i < runs; i++) {
                total[i] = imports[i] + rankings[i];
            }
            System.out.printf("Import: median %.0f ms; twelve months ranked: median %.0f ms; both: median %.0f ms, "
                    + "max %.0f ms (%d runs, the first included)%n", median(imports), median(rankings), median(total),
                    Arrays.stream(total).max().orElse(0) / 1e6, runs);
        }
    }

    /** A year of days from {@code first}: each region's own row and each station's, fictitious values. */
    private static byte[] year(LocalDate first) {
        Random random = new Random(15);
        StringBuilder out = new StringBuilder("date,regionCode,station,so2,no2,pm10,co,o3_8h,pm25\n");
        for (LocalDate d = first; d.isBefore(first.plusYears(1)); d = d.plusDays(1)) {
            for (int r = 0; r < REGIONS.size(); r++) {
                out.append(row(random, d, REGIONS.get(r), ""));
            }
            for (int s = 0; s < 50; s++) {
                out.append(row(random, d, REGIONS.get(s % REGIONS.size()), "站点" + s));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(Random random, LocalDate d, String region, String station) {
        int pm25 = 10 + random.nextInt(60);
        return d + "," + region + "," + station + "," + (5 + random.nextInt(15)) + "," + (10 + random.nextInt(30)) + ","
                + (pm25 * 3 / 2) + "," + (4 + random.nextInt(9)) / 10.0 + "," + (60 + random.nextInt(120)) + "," + pm25
                + "\n";
    }

    private static int rows(byte[] csv) {
        int n = -1;
        for (byte b : csv) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
