package gongkai.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gongkai.publishing.RecordInput;

/** Records under 救助款物管理使用情况 (sa-funds, quarterly, with a schema) for the open-data tests. */
final class OpenDataFixture {

    private OpenDataFixture() {
    }

    /** A county government's 2026 Q3 accounts, with two rows. */
    static RecordInput funds(String org, String region, String title) {
        return new RecordInput("sa-funds", org, region, title, "2026年第三季度救助款物管理使用情况", null,
                LocalDate.of(2026, 10, 15), "<p>现将救助款物管理使用情况公开如下。</p>", List.of(), null, null, null,
                null, List.of(row("城乡低保", "中央和省级补助", "152000.00"), row("临时救助", "县级财政", "38500.50")),
                null, null, "2026-Q3");
    }

    private static Map<String, String> row(String project, String source, String amount) {
        return Map.of("救助项目", project, "资金来源", source, "金额", amount, "发放范围", "全县",
                "期间", "2026年第三季度");
    }
}
