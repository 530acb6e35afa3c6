package gongkai.publishing;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile publishes its fictitious records through the real review: all of them pass the entry standard,
 * every field has at least three, every item with a schema has rows, some are targeted, some have interpretations,
 * and all are marked as demo data.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DemoDataTest {

    @Autowired
    Records records;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    gongkai.environment.AirQualityData air;

    @Test
    void theDemoHasAYearOfAirDataRankedMonthByMonth() {
        java.time.YearMonth last = java.time.YearMonth.now().minusMonths(1);
        var places = air.ranking(last);
        assertThat(places).hasSize(13);
        // 铜鼓县 is short of valid PM2.5 days last month: listed, not ranked, with the reason.
        assertThat(places).filteredOn(p -> p.rank() == null).singleElement()
                .satisfies(p -> assertThat(p.month().regionName()).isEqualTo("铜鼓县"));
        assertThat(air.ranking(last.minusMonths(11))).hasSize(13).allSatisfy(p -> assertThat(p.rank()).isNotNull());
        assertThat(air.ranking(last.minusMonths(12))).isEmpty();
    }

    @Test
    void theDemoRecordsCoverEveryFieldAndAreMarked() {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record", Long.class);
        assertThat(total).isGreaterThanOrEqualTo(21);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE demo = FALSE", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE published_version = 0",
                Long.class)).isZero();
        Map<String, Long> perDomain = jdbc.queryForList("SELECT catalog_item FROM disclosure_record", String.class)
                .stream().collect(Collectors.groupingBy(i -> catalog.requireItem(i).domainCode(), Collectors.counting()));
        // Every field and institutions' section has at least three; the disclosure work has the two demo annual reports.
        assertThat(perDomain).hasSize(catalog.domains().size()).allSatisfy((domain, n) -> assertThat(n).as(domain)
                .isGreaterThanOrEqualTo(domain.equals("gov-disclosure") ? 2 : 3));
        for (CatalogItem item : catalog.items()) {
            if (item.hasSchema()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE catalog_item = ? AND "
                        + "data_json <> '[]'", Long.class, item.code())).as(item.code()).isPositive();
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE audience = 'TARGETED'",
                Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE interpretation_of IS NOT NULL",
                Long.class)).isGreaterThanOrEqualTo(2);
        assertThat(records.published(RecordFilter.none(), 0, 100).getContent()).allMatch(RecordSummary::demo);
    }

    @Test
    void theDemoReadsLikeAYearOfWorkWithFilesAndAnImage() {
        // Publication dates follow the dates written, over many months, never in the future.
        java.util.List<java.time.LocalDate> days = jdbc.queryForList("SELECT first_published_at FROM "
                + "disclosure_record", java.time.OffsetDateTime.class).stream()
                .map(t -> t.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()).toList();
        assertThat(days.stream().map(java.time.YearMonth::from).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(days).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        // The review history carries the same past: the approval is the publication.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record r WHERE NOT EXISTS (SELECT 1 FROM "
                + "record_step s WHERE s.record_id = r.id AND s.step = 'PUBLISH' AND s.at = r.first_published_at)",
                Long.class)).isZero();
        // PDF and XLSX files made by the loader, and a 图解 image with its description.
        Map<String, Long> types = jdbc.queryForList("SELECT media_type FROM record_attachment", String.class).stream()
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(types).containsKeys("application/pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png");
        assertThat(jdbc.queryForObject("SELECT alt_text FROM record_attachment WHERE media_type = 'image/png'",
                String.class)).startsWith("图解：锦江流域");
    }

    @Test
    void theDemoRequestsGoThroughTheRulesAndAreMarked() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM info_request", Long.class)).isEqualTo(10);
        assertThat(jdbc.queryForList("SELECT description FROM info_request", String.class))
                .allSatisfy(d -> assertThat(d).contains("示例数据"));
        assertThat(jdbc.queryForList("SELECT outcome FROM info_request WHERE outcome IS NOT NULL", String.class))
                .containsExactlyInAnyOrder("PUBLIC", "PARTIAL", "PUBLIC", "WITHHELD_PROCESS_INFORMATION",
                        "NOT_AVAILABLE_NEEDS_CREATION");
        assertThat(jdbc.queryForList("SELECT phase FROM info_request WHERE outcome IS NULL", String.class))
                .contains("AWAITING_CORRECTION");
    }
}
