package gongkai.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisations;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.reporting.AnnualReports;
import gongkai.reporting.ReportEntry;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 政府信息公开 column of a body, on its page and on its county's page: 指南, 制度, 法定主动公开内容 (and 年报), in that
 * order, every link leading to a page.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class DisclosureColumnTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    Organisations organisations;
    @Autowired
    AnnualReports reports;
    @Autowired
    Publishing publishing;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The column's part of a page. */
    private static String column(String html) {
        int start = html.indexOf("<section aria-labelledby=\"column-h\"");
        assertThat(start).as("the page has a 政府信息公开 column").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    @Test
    void anOrganisationPageShowsTheColumnInTheOrderResidentsKnowAndEveryLinkOpens() throws Exception {
        String column = column(page("/orgs/yzqzf"));
        assertThat(column).contains("<h2 id=\"column-h\">政府信息公开</h2>",
                "<a id=\"guide-link\" href=\"/orgs/yzqzf/guide\">袁州区人民政府政府信息公开指南</a>");
        assertThat(column.indexOf(">指南</h3>")).isLessThan(column.indexOf(">制度</h3>"));
        assertThat(column.indexOf(">制度</h3>")).isLessThan(column.indexOf(">法定主动公开内容</h3>"));

        // The items the county answers for, by field in the plan's order, each listing the county's own records of it;
        // the disclosure work's own items are 制度 and 年报, not repeated here.
        List<CatalogItem> items = catalog.itemsOwnedBy(organisations.get("yzqzf"));
        List<String> fields = catalog.domains().stream().filter(CatalogDomain::planField)
                .filter(d -> items.stream().anyMatch(i -> i.domainCode().equals(d.code())))
                .map(d -> "<summary><span>" + d.name() + "</span>").toList();
        assertThat(fields).hasSizeGreaterThan(3);
        int at = -1;
        for (String field : fields) {
            assertThat(column.indexOf(field)).as(field).isGreaterThan(at);
            at = column.indexOf(field);
        }
        for (CatalogItem item : items) {
            String link = "href=\"/records?org=yzqzf&amp;item=" + item.code() + "\"";
            if (item.domainCode().equals("gov-disclosure")) {
                assertThat(column).doesNotContain(link);
            } else {
                assertThat(column).contains(link);
            }
        }
        for (String link : links(column)) {
            mvc.perform(get(URI.create(link))).andExpect(status().isOk());
        }
    }

    @Test
    void aBodysPublishedRulesAreListedAndNoneSaysSo() throws Exception {
        assertThat(column(page("/orgs/ycsfpb"))).contains(">制度</h3>", "<p>暂无</p>");

        String indexNo = review.publish(Staff.of("ycsmzj"), new RecordInput("gd-rules", "ycsmzj", "360900",
                "宜春市民政局政府信息公开保密审查制度", "", null, LocalDate.of(2026, 3, 2), "<p>为规范保密审查，制定本制度。</p>",
                List.of(), null, null, null, null, null, null, null));
        String column = column(page("/orgs/ycsmzj"));
        String rules = column.substring(column.indexOf(">制度</h3>"), column.indexOf(">法定主动公开内容</h3>"));
        assertThat(rules).contains("宜春市民政局政府信息公开保密审查制度", "href=\"/records/" + indexNo.replace("/", "%2F") + "\"", "<time")
                .doesNotContain("暂无");
    }

    @Test
    void aCountyPageShowsItsGovernmentsColumnAndATownshipNone() throws Exception {
        String column = column(page("/regions/360921"));
        assertThat(column).contains("奉新县人民政府政府信息公开", "href=\"/orgs/fxxzf/guide\"",
                "href=\"/records?org=fxxzf&amp;item=sa-recipients\"");
        assertThat(page("/regions/360902001")).doesNotContain("column-h");
    }

    @Test
    void theAnnualReportsLinkEachPublishedYearAndFlagAMissingOne() throws Exception {
        String org = "ycstyj";
        Staff staff = Staff.of(org);
        clock.setDate(LocalDate.of(2025, 1, 6));
        Acting.as(staff.editor(), () -> reports.save(org, 2024, new ReportEntry(Map.of("OVERVIEW", "本局坚持以公开为常态。",
                "PROBLEMS", "栏目更新不够及时。", "OTHER", "无。"), Map.of("LICENSING", "0", "PUNISHMENT", "0", "COERCION", "0",
                "FEES", "0"), Map.of("LICENSING", "本局统计", "PUNISHMENT", "本局统计", "COERCION", "本局统计", "FEES",
                "本局统计"), null), staff.editor()));
        String ref = Acting.as(staff.editor(), () -> reports.submit(org, 2024, staff.editor()));
        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, "同意"));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));

        // Supervision began with 2026: its report is due early in 2027 and, in March, missing.
        clock.setDate(LocalDate.of(2027, 3, 1));
        String column = column(page("/orgs/" + org));
        assertThat(column.indexOf(">法定主动公开内容</h3>")).isLessThan(column.indexOf(">年报</h3>"));
        String annual = column.substring(column.indexOf(">年报</h3>"));
        assertThat(annual).contains("<span>宜春市体育局2026年政府信息公开工作年度报告</span>",
                "<span class=\"flag late\">未按时发布</span>",
                "<a href=\"/annual-reports/ycstyj/2024\">宜春市体育局2024年政府信息公开工作年度报告</a>", "发布于")
                .doesNotContain("href=\"/annual-reports/ycstyj/2026\"");
        assertThat(annual.indexOf("2026年")).isLessThan(annual.indexOf("2024年"));
        mvc.perform(get("/annual-reports/ycstyj/2024")).andExpect(status().isOk());
    }

    @Test
    void anItemsLinkListsThatBodysRecordsUnderBothNames() throws Exception {
        assertThat(page("/records?org=ycsmzj&item=sa-funds")).contains("<h1>宜春市民政局 · "
                + catalog.requireItem("sa-funds").name() + "</h1>");
    }
}
