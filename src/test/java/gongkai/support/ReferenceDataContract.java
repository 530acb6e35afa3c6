package gongkai.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

import gongkai.GongkaiApplication;
import gongkai.account.Accounts;
import gongkai.account.AuditTrail;
import gongkai.org.OrganisationDetails;
import gongkai.org.Organisations;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence tests that run on every supported database: the migrations apply, the reference data loads whole,
 * a second start loads nothing twice, and what users change is still there after a restart.
 */
public abstract class ReferenceDataContract {

    private static final List<String> TABLES = List.of("region", "organisation", "organisation_name",
            "catalog_domain", "catalog_item", "catalog_field", "catalog_term", "calendar_day", "account_user",
            "account_user_role", "audit_event");

    @TempDir
    protected Path dataDir;

    /** JDBC URL, user and password of an empty database. */
    protected abstract String[] database();

    private ConfigurableApplicationContext start(String... more) {
        String[] db = database();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--gongkai.data-dir=" + dataDir,
                "--spring.datasource.url=" + db[0], "--spring.datasource.username=" + db[1],
                "--spring.datasource.password=" + db[2]));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GongkaiApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void firstStartLoadsTheReferenceDataAndASecondStartLoadsNothingTwice() throws IOException {
        Map<String, Long> first;
        String editor;
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            first = counts(jdbc);
            assertThat(codes(jdbc, "SELECT code FROM region"))
                    .containsExactlyInAnyOrderElementsOf(concat(csvColumn("regions.csv", 0), csvColumn("townships.csv", 0)));
            assertThat(codes(jdbc, "SELECT code FROM organisation"))
                    .containsExactlyInAnyOrderElementsOf(csvColumn("organisations.csv", 0));
            assertThat(codes(jdbc, "SELECT code FROM catalog_item")).containsExactlyInAnyOrderElementsOf(catalogItemCodes());
            assertThat(first.get("catalog_domain")).isEqualTo(7 + 4); // the plan's domains and the institutions' sections
            assertThat(first.get("catalog_field")).isEqualTo(catalogFieldCount());
            assertThat(first.get("calendar_day")).isEqualTo(csvColumn("holidays-cn.csv", 0).size());
            assertThat(first.get("organisation_name"))
                    .isEqualTo(first.get("organisation") + csvColumn("organisation-renames.csv", 0).size());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_user WHERE username = 'admin'", Long.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM catalog_field WHERE item_code = 'pa-project'",
                    Long.class)).isEqualTo(9);

            editor = Acting.newUser(app.getBean(Accounts.class), "ycsmzj", Role.EDITOR);
            Acting.as(Acting.cityAdmin(), () -> app.getBean(Organisations.class).amend("ycsmzj",
                    new OrganisationDetails("周示例", "副局长", "", "", "", "", "", "", "", "", "", "", "")));
            first = counts(jdbc);
        }
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(counts(jdbc)).isEqualTo(first);
            assertThat(app.getBean(Accounts.class).find(editor)).isPresent();
            assertThat(app.getBean(Organisations.class).get("ycsmzj").leader().name()).isEqualTo("周示例");
            var trail = Acting.as(Acting.cityAdmin(), () -> app.getBean(AuditTrail.class)
                    .search(new AuditTrail.Query(null, "organisation", "ycsmzj", null, null), 0).getContent());
            assertThat(trail).hasSize(1);
        }
    }

    /**
     * Publishing on this database: four approvals at once get four index numbers, and each publication's event is
     * stored in the event publication registry with it.
     */
    @Test
    void concurrentPublicationsGetDistinctIndexNumbersAndTheirEventsAreStored() throws Exception {
        try (ConfigurableApplicationContext app = start("--gongkai.test.event-probe=deliver")) {
            ThreeStepReview review = ThreeStepReview.in(app);
            Records records = app.getBean(Records.class);
            Staff s = Staff.of("ycstyj");
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RecordInput input = new RecordInput("cs-activities", "ycstyj", "360900", "全民健身活动安排" + i, "", null,
                        LocalDate.of(2026, 8, 8), "<p>活动安排。</p>", List.of(), null, null, null, null, null, null, null);
                refs.add(review.reviewed(s, input));
            }
            ExecutorService pool = Executors.newFixedThreadPool(refs.size());
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<String>> numbers = new ArrayList<>();
                for (String ref : refs) {
                    numbers.add(pool.submit(() -> {
                        go.await();
                        review.approve(s, ref);
                        return records.view(ref, null).indexNo();
                    }));
                }
                go.countDown();
                List<String> issued = new ArrayList<>();
                for (Future<String> f : numbers) {
                    issued.add(f.get());
                }
                assertThat(issued).doesNotHaveDuplicates().allMatch(n -> n.matches("ycstyj/\\d{4}-\\d{5}"));
            } finally {
                pool.shutdownNow();
            }
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_version", Long.class)).isEqualTo(4);
            // The probe listener makes the registry keep a publication per event, completed once delivered.
            long deadline = System.currentTimeMillis() + 20_000;
            while (jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE "
                    + "'%RecordPublished' AND completion_date IS NOT NULL", Long.class) < 4) {
                assertThat(System.currentTimeMillis()).as("events delivered within 20 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
        return counts;
    }

    private static List<String> codes(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The first column of a reference CSV's data lines, read independently of the application's reader. */
    static List<String> csvColumn(String file, int column) throws IOException {
        List<String> values = new ArrayList<>();
        boolean header = true;
        for (String line : read(file).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            values.add(line.split(",")[column].strip());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> catalogItems() throws IOException {
        Map<String, Object> root = new Yaml().load(read("catalog.yaml"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) root.get("domains")) {
            items.addAll((List<Map<String, Object>>) d.get("items"));
        }
        return items;
    }

    private static List<String> catalogItemCodes() throws IOException {
        return catalogItems().stream().map(i -> (String) i.get("code")).toList();
    }

    private static long catalogFieldCount() throws IOException {
        return catalogItems().stream().mapToLong(i -> ((List<?>) i.getOrDefault("fields", List.of())).size()).sum();
    }

    private static String read(String file) throws IOException {
        try (InputStream in = new ClassPathResource("reference/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
