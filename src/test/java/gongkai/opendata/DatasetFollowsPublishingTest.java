package gongkai.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.opendata.internal.DatasetProjection;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.shared.NotFoundProblem;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dataset follows what its organisation publishes under the item: rows enter with a publication, are replaced by a
 * revision and leave with a withdrawal; targeted records never enter; the projection is rebuilt from the records.
 */
@PlatformTest
class DatasetFollowsPublishingTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    Datasets datasets;
    @Autowired
    Publishing publishing;
    @Autowired
    Drafting drafting;
    @Autowired
    Records records;
    @Autowired
    DatasetProjection projection;
    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, String> donation(String source, String amount, String day) {
        return Map.of("来源", source, "种类", "资金", "数量", "1", "单位", "笔", "金额", amount, "日期", day,
                "用途", "受灾群众生活救助");
    }

    private static RecordInput donations(String org, String region, String title, List<Map<String, String>> rows) {
        return new RecordInput("dr-donations", org, region, title, "", null, LocalDate.of(2026, 7, 10),
                "<p>接受社会捐赠款物情况公开如下。</p>", List.of(), null, null, null, null, rows, null, null, null);
    }

    @Test
    void publishedRowsMakeADatasetOfTheOrganisationAndItem() {
        Staff s = Staff.of("tgxzf");
        String indexNo = review.publish(s, donations("tgxzf", "360926", "铜鼓县2026年7月接受救灾捐赠款物情况（数据集测试）",
                List.of(donation("某爱心企业", "50000.00", "2026-07-03"), donation("个人捐赠", "1200.50", "2026-07-05"))));

        Dataset d = datasets.require("dr-donations-tgxzf");
        assertThat(d.title()).isEqualTo("救助和捐赠款物来源、数量、种类及使用情况（铜鼓县人民政府）");
        assertThat(d.domainCode()).isEqualTo("disaster-relief");
        assertThat(d.orgCode()).isEqualTo("tgxzf");
        assertThat(d.countyCode()).isEqualTo("360926");
        assertThat(d.frequency()).isEqualTo(UpdateFrequency.IRREGULAR);
        assertThat(d.rowCount()).isGreaterThanOrEqualTo(2);
        assertThat(d.rowsByYear()).containsKey(2026);
        assertThat(d.columns()).extracting(DatasetColumn::label).startsWith("来源", "种类", "数量", "单位", "金额")
                .contains("索引号", "发布日期");
        assertThat(d.columns()).filteredOn(c -> c.label().equals("金额")).singleElement()
                .satisfies(c -> assertThat(c.code()).isEqualTo("jin_e"))
                .satisfies(c -> assertThat(c.type()).isEqualTo(ColumnType.DECIMAL));
        assertThat(d.columns()).filteredOn(c -> c.label().equals("日期")).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(ColumnType.DATE));
        assertThat(d.resources()).extracting(DatasetResource::path)
                .contains("/data/dr-donations-tgxzf/download/all.csv", "/data/dr-donations-tgxzf/download/2026.xlsx");

        List<List<String>> rows = rowsOf(d, indexNo);
        assertThat(rows).hasSize(2);
        int amount = d.columns().indexOf(d.columns().stream().filter(c -> c.label().equals("金额")).findFirst().get());
        assertThat(rows).extracting(r -> r.get(amount)).containsExactly("50000.00", "1200.50");
        // Each row is the row its public page shows.
        RecordView page = records.view(indexNo, null);
        assertThat(rows.get(1).subList(0, 7)).containsExactlyElementsOf(page.rows().get(1).values());

        assertThat(datasets.search(new DatasetQuery("捐赠 铜鼓县", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 0, 10)).results()).extracting(Dataset::name).contains("dr-donations-tgxzf");
        // Typed without a space, as Chinese is: the pieces are found each on its own.
        assertThat(datasets.search(new DatasetQuery("铜鼓县捐赠款物", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 0, 10)).results()).extracting(Dataset::name).contains("dr-donations-tgxzf");
        assertThat(datasets.search(new DatasetQuery("铜鼓县火星", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 0, 10)).results()).extracting(Dataset::name).doesNotContain("dr-donations-tgxzf");
        assertThat(datasets.search(new DatasetQuery("", List.of("disaster-relief"), List.of("tgxzf"),
                List.of("360926"), List.of(), List.of("CSV"), List.of(), 0, 10)).results())
                .extracting(Dataset::name).containsExactly("dr-donations-tgxzf");
    }

    @Test
    void aRevisionReplacesTheRowsAndAWithdrawalTakesThemOut() {
        Staff s = Staff.of("jaxzf");
        String indexNo = review.publish(s, donations("jaxzf", "360925", "靖安县接受救灾捐赠款物情况（更正撤回测试）",
                List.of(donation("某商会", "8000.00", "2026-07-01"))));
        Dataset before = datasets.require("dr-donations-jaxzf");
        assertThat(rowsOf(before, indexNo)).hasSize(1);

        as(s.editor(), () -> publishing.revise(indexNo));
        as(s.editor(), () -> drafting.update(indexNo, donations("jaxzf", "360925", "靖安县接受救灾捐赠款物情况（更正撤回测试）",
                List.of(donation("某商会", "9000.00", "2026-07-01"), donation("某协会", "300.00", "2026-07-02")))));
        as(s.editor(), () -> publishing.submit(indexNo));
        as(s.reviewer(), () -> publishing.review(indexNo, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(indexNo, Decision.PASS, "", null, null));

        Dataset revised = datasets.require("dr-donations-jaxzf");
        assertThat(rowsOf(revised, indexNo)).hasSize(2).anyMatch(r -> r.contains("9000.00"))
                .noneMatch(r -> r.contains("8000.00"));
        assertThat(datasets.changes(revised, 10)).filteredOn(c -> c.indexNo().equals(indexNo))
                .extracting(DatasetChange::kind).startsWith(DatasetChange.Kind.REVISED, DatasetChange.Kind.PUBLISHED);

        as(s.approver(), () -> publishing.withdraw(indexNo, "数据有误，重新核对"));
        Dataset after = datasets.require("dr-donations-jaxzf");
        assertThat(rowsOf(after, indexNo)).isEmpty();
        assertThat(datasets.changes(after, 1)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(DatasetChange.Kind.WITHDRAWN))
                .satisfies(c -> assertThat(c.rows()).isZero());
        if (after.rowCount() == 0) {
            // Its only record gone, the dataset leaves the lists but its page and feed still say what happened.
            assertThat(datasets.all()).extracting(Dataset::name).doesNotContain("dr-donations-jaxzf");
        }
    }

    @Test
    void targetedRecordsNeverEnterADataset() {
        Staff s = Staff.of("wzxzf");
        String indexNo = review.publish(s, new RecordInput("sa-recipients", "wzxzf", "360922", "万载县2026年10月救助发放情况（数据集测试）",
                "", null, LocalDate.of(2026, 10, 31), "", List.of(), null, "低保户", null, null,
                List.of(Map.of("救助项目", "城乡低保", "姓名", "钱数据", "所在村组", "某村", "家庭人口", "3",
                        "发放金额", "1200.00", "期间", "2026年10月")), null, null, "2026-10"));
        assertThat(datasets.find("sa-recipients-wzxzf")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opendata_row WHERE index_no = ?", Long.class, indexNo))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opendata_row WHERE cells_json LIKE ?", Long.class,
                "%钱数据%")).isZero();
    }

    @Test
    void theDatasetsAreRebuiltFromTheRecordsAtStart() {
        Staff s = Staff.of("zsszf");
        String indexNo = review.publish(s, donations("zsszf", "360982", "樟树市接受救灾捐赠款物情况（重建测试）",
                List.of(donation("某银行", "20000.00", "2026-07-08"))));
        // As if the event had been lost, or the projection's tables emptied.
        jdbc.update("DELETE FROM opendata_row WHERE index_no = ?", indexNo);
        jdbc.update("DELETE FROM opendata_record WHERE index_no = ?", indexNo);
        assertThat(rowsOf(datasets.require("dr-donations-zsszf"), indexNo)).isEmpty();
        projection.reconcile();
        assertThat(rowsOf(datasets.require("dr-donations-zsszf"), indexNo)).hasSize(1);
    }

    @Test
    void anUnknownDatasetIsNamedInTheRefusal() {
        assertThatThrownBy(() -> datasets.require("no-such-dataset")).isInstanceOf(NotFoundProblem.class)
                .hasMessage("没有名为“no-such-dataset”的数据集。");
        assertThat(datasets.resource("no-such-dataset-all-csv")).isEmpty();
    }

    private List<List<String>> rowsOf(Dataset d, String indexNo) {
        int at = d.columns().indexOf(d.columns().stream().filter(c -> c.code().equals("index_no")).findFirst().get());
        List<List<String>> out = new ArrayList<>();
        datasets.rows(d, null, 0, r -> {
            if (r.get(at).equals(indexNo)) {
                out.add(r);
            }
        });
        return out;
    }
}
