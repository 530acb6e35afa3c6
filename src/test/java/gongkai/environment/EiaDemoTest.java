package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile has three fictitious EIA cases at their three stages, published through the review, with a few
 * comments, all marked as demo data.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class EiaDemoTest {

    @Autowired
    EiaCases cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void threeFictitiousCasesAtTheirThreeStages() {
        List<EiaCaseView> all = cases.published(null, null);
        assertThat(all).hasSize(3).allSatisfy(c -> {
            assertThat(c.demo()).isTrue();
            assertThat(c.projectName()).startsWith("（示例）");
        });
        assertThat(all).extracting(EiaCaseView::stage).containsExactlyInAnyOrder("受理公示", "拟审批公示", "批后公告");
        assertThat(all).filteredOn(c -> c.openStage() != null).hasSize(2);
        assertThat(all).filteredOn(c -> "批后公告".equals(c.stage())).singleElement().satisfies(c -> {
            assertThat(c.response()).startsWith("示例数据");
            assertThat(c.stages().get(2).decision()).isEqualTo("批准");
            assertThat(c.stages()).allSatisfy(s -> assertThat(s.indexNo()).isNotBlank());
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM eia_comment WHERE demo = TRUE", Long.class))
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE catalog_item = 'en-eia' AND "
                + "(demo = FALSE OR published_version = 0)", Long.class)).isZero();
    }
}
