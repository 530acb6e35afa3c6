package gongkai.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.emergency.Donations;
import gongkai.emergency.NewCampaign;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/**
 * The donation benchmark (issue 16): a campaign with {@code bench.records} entries (1,000,000 by default; receipts of
 * money and goods and allocations, inserted by JDBC batch with their balances), then its public page
 * {@code GET /donations/{id}} over HTTP, which reads the balances table and one page of entries and never sums the
 * entries. Prints figures; asserts nothing.
 */
public final class DonationBenchmark {

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 200);
        Path data = Path.of("target", "bench-donation-data").toAbsolutePath();
        deleteTree(data);
        List<String> appArgs = List.of("--gongkai.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false",
                "--gongkai.ledger.self-check.enabled=false", "--gongkai.assessment.flags-cron=-",
                "--gongkai.reporting.reminders-cron=-");
        System.out.printf("Donation benchmark: one campaign with %,d entries, H2 file database, max heap %d MB, %d cores%n",
                records, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            Donations donations = app.getBean(Donations.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Actor approver = new Actor("bench", "ycsyjj", EnumSet.of(Role.APPROVER), false);
            long c = donations.open(new NewCampaign("基准测试捐赠活动", "ycsyjj", "360902", LocalDate.of(2026, 1, 1), null),
                    approver);
            long t = System.nanoTime();
            insert(jdbc, c, records);
            System.out.printf("Setup: %,d entries inserted by JDBC batch in %.1f s%n", records,
                    (System.nanoTime() - t) / 1e9);

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/donations/" + c)).build();
            long[] times = new long[queries];
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = http.send(page, HttpResponse.BodyHandlers.ofString());
                times[i] = System.nanoTime() - s;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode());
                }
            }
            long[] service = new long[queries];
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                donations.campaign(c);
                service[i] = System.nanoTime() - s;
            }
            long first = times[0];
            Arrays.sort(times);
            Arrays.sort(service);
            System.out.printf("GET /donations/%d (totals + first page of 50 entries): median %.1f ms, p95 %.1f ms, "
                    + "max %.1f ms, the first (cold) %.1f ms (%d requests); totals from the service alone: median %.2f ms%n", c,
                    times[queries / 2] / 1e6, times[queries * 95 / 100] / 1e6, times[queries - 1] / 1e6,
                    first / 1e6, queries, service[queries / 2] / 1e6);
        }
    }

    /** Receipts (money and two goods), then allocations of a third of them; balances written to match. */
    private static void insert(JdbcTemplate jdbc, long c, int records) {
        Timestamp now = Timestamp.from(Instant.now());
        Date day = Date.valueOf(LocalDate.of(2026, 1, 2));
        String sql = "INSERT INTO donation_entry (campaign_id, kind, category, item, unit, amount, source, purpose, "
                + "recipient, recipient_person, entry_date, receipt_no, recorded_at, recorded_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        BigDecimal[] received = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] allocated = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        String[][] cats = {{"money", null, "元"}, {"goods:矿泉水|箱", "矿泉水", "箱"}, {"goods:棉被|床", "棉被", "床"}};
        int batch = 5_000;
        int receipts = 0;
        for (int from = 0; from < records; from += batch) {
            int start = from;
            int size = Math.min(batch, records - from);
            int[] seq = {receipts};
            jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                    int n = start + i;
                    int k = n % 3;
                    boolean allocation = n % 4 == 3;
                    BigDecimal amount = k == 0 ? new BigDecimal(allocation ? "50.00" : "100.00")
                            : BigDecimal.valueOf(allocation ? 1 : 2);
                    ps.setLong(1, c);
                    ps.setString(2, allocation ? "ALLOCATION" : "RECEIPT");
                    ps.setString(3, cats[k][0]);
                    ps.setString(4, cats[k][1]);
                    ps.setString(5, cats[k][2]);
                    ps.setBigDecimal(6, amount);
                    ps.setString(7, allocation ? null : "捐赠人" + n);
                    ps.setString(8, allocation ? "安置" : null);
                    ps.setString(9, allocation ? "某镇人民政府" : null);
                    ps.setBoolean(10, false);
                    ps.setDate(11, day);
                    ps.setString(12, allocation ? null : "JZ-" + c + "-B" + n);
                    ps.setTimestamp(13, now);
                    ps.setString(14, "bench");
                    if (allocation) {
                        allocated[k] = allocated[k].add(amount);
                    } else {
                        received[k] = received[k].add(amount);
                        seq[0]++;
                    }
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            });
            receipts = seq[0];
        }
        for (int k = 0; k < 3; k++) {
            jdbc.update("INSERT INTO donation_balance (campaign_id, category, item, unit, received, allocated) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", c, cats[k][0], cats[k][1], cats[k][2], received[k], allocated[k]);
        }
        jdbc.update("UPDATE donation_campaign SET receipt_seq = ?, entry_count = ? WHERE id = ?", receipts, records, c);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
