package gongkai.opendata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.GongkaiApplication;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The open-data projection on PostgreSQL: V51, the aggregate queries, the cursor, and a withdrawal. */
@Tag("postgres")
class DatasetsPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aDatasetIsBuiltStreamedAndEmptiedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .profiles("test").run(db.platformArgs(dataDir))) {
            ThreeStepReview review = ThreeStepReview.in(app);
            Datasets datasets = app.getBean(Datasets.class);
            Staff s = Staff.of("fcszf");
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                rows.add(Map.of("来源", "捐赠人" + i, "种类", "资金", "数量", "1", "单位", "笔", "金额",
                        i + ".50", "日期", "2026-07-03", "用途", "受灾群众生活救助"));
            }
            String indexNo = review.publish(s, new RecordInput("dr-donations", "fcszf", "360981",
                    "丰城市接受救灾捐赠款物情况（PostgreSQL）", "", null, LocalDate.of(2026, 7, 10), "<p>公开如下。</p>",
                    List.of(), null, null, null, null, rows, null, null, null));

            Dataset d = datasets.require("dr-donations-fcszf");
            assertThat(d.rowCount()).isEqualTo(2500);
            assertThat(d.rowsByYear()).containsEntry(2026, 2500L);
            assertThat(d.temporalStart()).isEqualTo(d.temporalEnd());
            List<String> amounts = new ArrayList<>();
            int amount = d.columns().stream().map(DatasetColumn::label).toList().indexOf("金额");
            // More rows than the cursor fetches at a time, in the order they were entered.
            assertThat(datasets.rows(d, 2026, 0, r -> amounts.add(r.get(amount)))).isEqualTo(2500);
            assertThat(amounts).startsWith("0.50", "1.50").endsWith("2499.50");
            assertThat(datasets.search(new DatasetQuery("捐赠", List.of("disaster-relief"), List.of(), List.of("360981"),
                    List.of(), List.of(), List.of(), 0, 10)).results()).extracting(Dataset::name)
                    .containsExactly("dr-donations-fcszf");

            as(s.approver(), () -> app.getBean(Publishing.class).withdraw(indexNo, "重新核对"));
            assertThat(datasets.require("dr-donations-fcszf").rowCount()).isZero();
            assertThat(datasets.all()).extracting(Dataset::name).doesNotContain("dr-donations-fcszf");
            assertThat(datasets.changes(datasets.require("dr-donations-fcszf"), 5))
                    .extracting(DatasetChange::kind).containsExactly(DatasetChange.Kind.WITHDRAWN,
                            DatasetChange.Kind.PUBLISHED);
        }
    }
}
