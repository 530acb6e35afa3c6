package gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.assessment.AssessmentGroup;
import gongkai.assessment.AssessmentResult;
import gongkai.assessment.Assessments;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.ReportingPeriod;
import gongkai.org.Organisation;
import gongkai.assessment.internal.ResponsibleBodies;
import gongkai.shared.PlatformConfiguration;

/**
 * The assessment benchmark (bench/assessment/README.md): 14 bodies, a year of 1,000,000 published records and
 * 100,000 requests written straight into the tables, then the year's assessment (every obligation, policy,
 * request and finding behind every score) timed through {@link Assessments#draft}. Prints figures; asserts nothing.
 */
public final class AssessmentBenchmark {

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 100_000);
        int runs = Integer.getInteger("bench.runs", 10);
        Path data = Path.of("target", "bench-assessment-data").toAbsolutePath();
        // bench.reuse: time the assessment again on the previous run's data, without writing it again.
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.isDirectory(data);
        if (!reuse) {
            deleteTree(data);
        }
        // QUERY_CACHE_SIZE=0: H2 would otherwise answer a repeated query from its cache, and the runs would time
        // nothing but the cache.
        List<String> appArgs = List.of("--gongkai.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:file:" + data + "/db/gongkai;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=0",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false",
                "--gongkai.ledger.self-check.enabled=false", "--gongkai.assessment.flags-cron=-");
        System.out.printf("Assessment benchmark: %,d records, %,d requests, 14 bodies, H2 file database, max heap %d MB, "
                + "%d cores%n", records, requests, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        if (!reuse) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                    .run(appArgs.toArray(String[]::new))) {
                load(app, records, requests);
            }
            compact(data);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            timeParts(app);

            Assessments assessments = app.getBean(Assessments.class);
            AssessmentResult first = assessments.draft(2026, AssessmentGroup.GOVERNMENT);
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                AssessmentResult r = assessments.draft(2026, AssessmentGroup.GOVERNMENT);
                times[i] = System.nanoTime() - t;
                if (r.orgs().size() != first.orgs().size()) {
                    throw new IllegalStateException("Results differ between runs");
                }
            }
            Arrays.sort(times);
            System.out.printf("Assessment of 2026 for %d bodies (first run included warm-up): median %.0f ms, "
                    + "max %.0f ms over %d runs%n", first.orgs().size(), times[runs / 2] / 1e6,
                    times[runs - 1] / 1e6, runs);
            first.orgs().stream().limit(3).forEach(b -> System.out.printf("  %d. %s %s%n", b.rank(), b.name(),
                    b.score()));
        }
    }

    /**
     * Writes the year straight into the tables: for each body one record per period of each scheduled item it answers
     * for (80 % of periods, published 3 to 27 days after the period) and the rest for its event items, policy
     * documents among them; then the requests.
     */
    private static void load(ConfigurableApplicationContext app, int records, int requests) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<Organisation> bodies = app.getBean(ResponsibleBodies.class).all().keySet().stream()
                .filter(o -> AssessmentGroup.GOVERNMENT.includes(o.kind())).limit(14).toList();
        ResponsibleBodies responsible = app.getBean(ResponsibleBodies.class);
        Random random = new Random(13);
        long t0 = System.nanoTime();
        List<Object[]> batch = new ArrayList<>();
        int written = 0;
        LocalDate start = LocalDate.of(2026, 1, 1);
        // Each body's scheduled items get one record per period (most on time, some late, some missing) ...
        for (Organisation o : bodies) {
            for (CatalogItem item : responsible.itemsOf(o)) {
                if (item.schedule().kind() == PublicationSchedule.Kind.EVENT) {
                    continue;
                }
                ReportingPeriod p = switch (ReportingPeriod.of(item.schedule())) {
                    case MONTH -> ReportingPeriod.month(2026, 1);
                    case QUARTER -> ReportingPeriod.quarter(2026, 1);
                    case YEAR -> ReportingPeriod.year(2026);
                };
                for (; p.year() == 2026 && p.lastDay().isBefore(LocalDate.of(2026, 11, 1)); p = p.next()) {
                    if (random.nextInt(10) < 8) {
                        batch.add(row(written++, item.code(), o.code(), p.toString(),
                                p.lastDay().plusDays(3 + random.nextInt(25))));
                    }
                }
            }
        }
        // ... and the rest are event items' records spread over the year, policies among them.
        // Policy documents are bench.policyShare of them (2 %: tens of thousands, far more than a city issues).
        double policyShare = Double.parseDouble(System.getProperty("bench.policyShare", "0.02"));
        List<String[]> eventItems = new ArrayList<>();
        List<String[]> policyItems = new ArrayList<>();
        for (Organisation o : bodies) {
            for (CatalogItem item : responsible.itemsOf(o)) {
                if (item.schedule().kind() == PublicationSchedule.Kind.EVENT) {
                    (item.policyDocument() ? policyItems : eventItems).add(new String[] {item.code(), o.code()});
                }
            }
        }
        while (written < records) {
            List<String[]> from = random.nextDouble() < policyShare ? policyItems : eventItems;
            String[] pick = from.get(random.nextInt(from.size()));
            batch.add(row(written++, pick[0], pick[1], null, start.plusDays(random.nextInt(330))));
            if (batch.size() == 5000) {
                insertRecords(jdbc, batch);
            }
        }
        insertRecords(jdbc, batch);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  %,d records written in %.0f s%n", written, s);
        t0 = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            Organisation o = bodies.get(random.nextInt(bodies.size()));
            LocalDate received = start.plusDays(random.nextInt(320));
            LocalDate due = received.plusDays(28);
            boolean answered = random.nextInt(20) != 0;
            LocalDate answeredOn = answered ? received.plusDays(5 + random.nextInt(30)) : null;
            batch.add(new Object[] {i + 1L, String.format("B%09d", i), "0".repeat(64), o.code(), "ONLINE",
                    Date.valueOf(received), Date.valueOf(received), "NATURAL_PERSON", "示例申请人", "RESIDENT_ID",
                    "-", "k" + i, "-", "基准测试申请", "EMAIL", answered ? "CLOSED" : "RUNNING",
                    answeredOn != null && answeredOn.isAfter(due), Date.valueOf(due),
                    answered ? (random.nextBoolean() ? "PUBLIC" : "PARTIAL") : null,
                    answeredOn == null ? null : Date.valueOf(answeredOn), Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now())});
            if (batch.size() == 5000) {
                insertRequests(jdbc, batch);
            }
        }
        insertRequests(jdbc, batch);
        System.out.printf("  %,d requests written in %.0f s%n", requests, (System.nanoTime() - t0) / 1e9);
        jdbc.execute("ANALYZE");
    }

    /**
     * Writing a million rows in a few minutes leaves H2's file with tens of gigabytes of superseded pages, which its
     * background compaction cannot keep up with during a bulk load; a database filled over a year is compacted as it
     * goes. So the file is compacted once, with the platform stopped, before anything is timed.
     */
    private static void compact(Path data) throws Exception {
        long t = System.nanoTime();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + data + "/db/gongkai;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            c.createStatement().execute("SHUTDOWN COMPACT");
        }
        System.out.printf("  database compacted in %.0f s%n", (System.nanoTime() - t) / 1e9);
    }

    /** Each input of the assessment on its own, to show where the time goes. */
    private static void timeParts(ConfigurableApplicationContext app) {
        var obligations = app.getBean(gongkai.assessment.Obligations.class);
        var publications = app.getBean(gongkai.publishing.PeriodicPublications.class);
        var requests = app.getBean(gongkai.requests.RequestStatistics.class);
        var catalog = app.getBean(gongkai.catalog.Catalog.class);
        List<String> policies = catalog.items().stream().filter(CatalogItem::policyDocument).map(CatalogItem::code)
                .toList();
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            int n = obligations.ofYear(2026).size();
            long t1 = System.nanoTime();
            var bodies = app.getBean(ResponsibleBodies.class);
            java.util.Map<String, List<String>> itemsByOrg = new java.util.LinkedHashMap<>();
            bodies.all().forEach((o, items) -> itemsByOrg.put(o.code(), items.stream().map(CatalogItem::code).toList()));
            int a = publications.activity(itemsByOrg).size();
            long t2 = System.nanoTime();
            int p = publications.policies(policies, Instant.parse("2025-12-31T16:00:00Z"),
                    Instant.parse("2026-12-31T16:00:00Z")).size();
            long t3 = System.nanoTime();
            int r = requests.assessmentFigures(2026).size();
            long t4 = System.nanoTime();
            System.out.printf("  parts (round %d): %,d obligations %.0f ms; %,d item activities %.0f ms; %,d policies "
                    + "%.0f ms; requests of %d bodies %.0f ms%n", round + 1, n, (t1 - t) / 1e6, a, (t2 - t1) / 1e6, p,
                    (t3 - t2) / 1e6, r, (t4 - t3) / 1e6);
        }
    }

    private static Object[] row(int n, String item, String org, String period, LocalDate on) {
        Timestamp at = Timestamp.from(on.atTime(LocalTime.of(10, 0)).atZone(PlatformConfiguration.CHINA).toInstant());
        return new Object[] {"BENCH-" + n, item, org, at, at, period, Date.valueOf(on), at, at};
    }

    private static void insertRecords(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("INSERT INTO disclosure_record (index_no, catalog_item, org_code, region_code, status, "
                + "audience, disclosure_mode, published_version, title, subject_class, created_by, first_published_at, "
                + "last_published_at, reporting_period, written_on, created_at, updated_at) VALUES (?, ?, ?, '360900', "
                + "'PUBLISHED', 'PUBLIC', 'PROACTIVE', 1, '基准测试记录', '其他', 'bench', ?, ?, ?, ?, ?, ?)", batch);
        batch.clear();
    }

    private static void insertRequests(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("INSERT INTO info_request (id, tracking_no, query_code_sha256, org_code, channel, arrived_on, "
                + "received_on, applicant_kind, applicant_name, id_type, id_number, applicant_key, phone, description, "
                + "preferred_form, phase, late_answer, due_on, outcome, answered_on, created_at, updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch);
        batch.clear();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
