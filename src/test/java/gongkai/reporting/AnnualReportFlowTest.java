package gongkai.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.publishing.Records;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * A body's annual report from the first words to the public page: entered through the form rules (one rule for page
 * and API), refused when inconsistent or incomplete, submitted into the three-step review as a record of its
 * catalogue item, published with an index number, and read as a page, a PDF and JSON.
 */
@PlatformTest
@Import(MovableClock.Config.class)
public class AnnualReportFlowTest {

    private static final String ORG = "ycswgx";
    private static final int YEAR = 2024;

    @Autowired
    AnnualReports reports;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    Obligations obligations;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    public static ReportEntry complete() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("OVERVIEW", "本局坚持以公开为常态。\n\n依申请公开按期答复。");
        sections.put("PROBLEMS", "栏目更新不够及时。");
        sections.put("OTHER", "无。");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("LICENSING", 12);
        figures.put("PUNISHMENT", "3");
        figures.put("COERCION", "0");
        figures.put("FEES", "1.25");
        Map<String, String> sources = new LinkedHashMap<>();
        for (String k : figures.keySet()) {
            sources.put(k, "本局业务系统统计");
        }
        Map<String, Map<String, Object>> appeals = Map.of("REVIEW",
                Map.of("UPHELD", "1", "CORRECTED", "1", "OTHER", "0", "PENDING", "1", "TOTAL", "3"));
        return new ReportEntry(sections, figures, sources, appeals);
    }

    @Test
    void aReportGoesFromTheFormThroughReviewToItsPagePdfAndJson() throws Exception {
        clock.setDate(LocalDate.of(2025, 1, 6));
        Staff staff = Staff.of(ORG);
        // Incomplete: submission names what is missing, and nothing is submitted.
        Acting.as(staff.editor(), () -> reports.save(ORG, YEAR, new ReportEntry(Map.of("OVERVIEW", "总体情况。"), null,
                null, null), staff.editor()));
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> reports.submit(ORG, YEAR, staff.editor())))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).extracting(f -> f.message())
                        .contains("请填写“五、存在的主要问题及改进情况”。", "请填写表二“行政许可”的本年处理决定数量（没有的填0）。"));
        AnnualReportView draft = Acting.as(staff.editor(), () -> reports.save(ORG, YEAR, complete(), staff.editor()));
        assertThat(draft.missing()).isEmpty();
        assertThat(draft.content().appeals().count("REVIEW", "TOTAL")).isEqualTo(3);
        assertThat(draft.content().proactive().row("FEES").values()).containsEntry("AMOUNT", "1.2500");

        String ref = Acting.as(staff.editor(), () -> reports.submit(ORG, YEAR, staff.editor()));
        assertThat(reports.forStaff(ORG, YEAR, staff.editor()).status()).isEqualTo(ReportStatus.IN_REVIEW);
        // In review, the report is fixed.
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> reports.save(ORG, YEAR, complete(), staff.editor())))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("已提交审核");
        // Sent back by the reviewer: editable again, and submitted again into the same record.
        Acting.as(staff.reviewer(), () -> {
            publishing.review(ref, Decision.REJECT, "请补充总体情况");
            return null;
        });
        AnnualReportView returned = Acting.as(staff.editor(), () -> reports.forStaff(ORG, YEAR, staff.editor()));
        assertThat(returned.status()).isEqualTo(ReportStatus.DRAFT);
        Acting.as(staff.editor(), () -> reports.save(ORG, YEAR, new ReportEntry(Map.of("OVERVIEW",
                "本局坚持以公开为常态、不公开为例外。"), null, null, null), staff.editor()));
        assertThat(Acting.as(staff.editor(), () -> reports.submit(ORG, YEAR, staff.editor()))).isEqualTo(ref);
        clock.setDate(LocalDate.of(2025, 1, 20));
        Acting.as(staff.reviewer(), () -> {
            publishing.review(ref, Decision.PASS, "同意");
            return null;
        });
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));

        AnnualReportView published = reports.forPublic(ORG, YEAR);
        assertThat(published.published()).isTrue();
        assertThat(published.indexNo()).isNotBlank();
        assertThat(published.late()).isFalse();
        assertThat(published.dueOn()).isEqualTo(LocalDate.of(2025, 2, 5)); // 31 January 2025 fell in the Spring Festival
        assertThat(published.content().section(ReportSection.OVERVIEW)).isEqualTo("本局坚持以公开为常态、不公开为例外。");
        assertThat(reports.years(ORG)).filteredOn(y -> y.year() == YEAR).singleElement()
                .satisfies(y -> assertThat(y.url()).isEqualTo("/annual-reports/" + ORG + "/" + YEAR));

        mvc.perform(get("/annual-reports/{o}/{y}", ORG, YEAR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("宜春市文化广电新闻出版旅游局2024年政府信息公开工作年度报告")))
                .andExpect(content().string(containsString("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")))
                .andExpect(content().string(containsString(published.indexNo())));
        mvc.perform(get("/api/v1/annual-reports/{o}/{y}", ORG, YEAR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.sections.OVERVIEW").value("本局坚持以公开为常态、不公开为例外。"))
                .andExpect(jsonPath("$.proactive.rows[2].code").value("LICENSING"))
                .andExpect(jsonPath("$.proactive.rows[2].values.DECISIONS").value(12))
                .andExpect(jsonPath("$.requests.rows.length()").value(25))
                .andExpect(jsonPath("$.appeals.rows[0].values.TOTAL").value(3))
                .andExpect(jsonPath("$.pdf").value("/annual-reports/" + ORG + "/" + YEAR + ".pdf"));

        byte[] pdf = mvc.perform(get("/annual-reports/{o}/{y}.pdf", ORG, YEAR)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("宜春市文化广电新闻出版旅游局2024年政府信息公开工作年度报告", "一、总体情况",
                    "二、主动公开政府信息情况", "第二十条第（一）项", "行政规范性文件", "本年收费金额（单位：万元）", "1.2500",
                    "三、收到和处理政府信息公开申请情况", "申请人情况", "（七）总计", "四、结转下年度继续办理",
                    "四、政府信息公开行政复议、行政诉讼情况", "未经复议直接起诉", "复议后起诉", "五、存在的主要问题及改进情况",
                    "六、其他需要报告的事项", "本年度未收取政府信息公开信息处理费", "索引号：" + published.indexNo());
        }
        // The record of the report is an ordinary published record, found by its index number.
        assertThat(records.view(published.indexNo(), null).catalogItem()).isEqualTo(AnnualReports.BODY_ITEM);
        // Published, it can no longer be changed.
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> reports.save(ORG, YEAR, complete(), staff.editor())))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("已发布");
    }

    @Test
    void aReportPublishedAfterItsDueDateIsLateInTheObligationsAndAMissingOneIsMissing() {
        // 31 January 2027 is a Sunday: the 2026 reports are due Monday 1 February.
        clock.setDate(LocalDate.of(2027, 2, 3));
        Staff staff = Staff.of("ycsscj");
        Acting.as(staff.editor(), () -> reports.save("ycsscj", 2026, complete(), staff.editor()));
        String ref = Acting.as(staff.editor(), () -> reports.submit("ycsscj", 2026, staff.editor()));
        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        assertThat(obligations.find(2026, "ycsscj", null)).filteredOn(o -> o.item().equals(AnnualReports.BODY_ITEM))
                .singleElement().satisfies(o -> {
                    assertThat(o.dueOn()).isEqualTo(LocalDate.of(2027, 2, 1));
                    assertThat(o.status()).isEqualTo(ObligationStatus.LATE);
                    assertThat(o.workingDaysLate()).isEqualTo(2);
                });
        assertThat(reports.years("ycsscj")).filteredOn(y -> y.year() == 2026).singleElement()
                .satisfies(y -> assertThat(y.late()).isTrue());
        assertThat(obligations.find(2026, "ycshbj", null)).filteredOn(o -> o.item().equals(AnnualReports.BODY_ITEM))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(ObligationStatus.MISSING));
        // A county government owes its level's report by 31 March, not yet due.
        assertThat(obligations.find(2026, "wzxzf", null)).filteredOn(o -> o.item().equals(AnnualReports.LEVEL_ITEM))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(ObligationStatus.NOT_DUE));
    }

    @Test
    void inconsistentOrWrongEntriesAreRefusedNamingTheRuleAndChangeNothing() throws Exception {
        clock.setDate(LocalDate.of(2025, 1, 6));
        String org = "ycswjw";
        Actor editor = Acting.actor(org, Role.EDITOR);
        Acting.as(editor, () -> reports.save(org, YEAR, complete(), editor));
        Map<String, Map<String, Object>> broken = Map.of("LITIGATION_DIRECT",
                Map.of("UPHELD", "2", "CORRECTED", "1", "OTHER", "0", "PENDING", "0", "TOTAL", "4"));
        assertThatThrownBy(() -> Acting.as(editor, () -> reports.save(org, YEAR,
                new ReportEntry(Map.of("OVERVIEW", "改过的文字"), null, null, broken), editor)))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.message()).isEqualTo(
                                "表四勾稽关系不符：行政诉讼（未经复议直接起诉）的总计（4）应等于结果维持、结果纠正、其他结果、尚未审结之和（3）。")));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("LICENSING", "-1");
        bad.put("PUNISHMENT", "2.5");
        bad.put("FEES", "1.23456");
        bad.put("PERMITS", "3");
        assertThatThrownBy(() -> Acting.as(editor, () -> reports.save(org, YEAR,
                new ReportEntry(Map.of("OVERVIEW", "改过的文字", "SUMMARY", "x", "ACCOUNTABILITY", "y"), bad, null, null),
                editor)))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("sections.SUMMARY", "sections.ACCOUNTABILITY",
                                "proactiveEntered.LICENSING", "proactiveEntered.PUNISHMENT", "proactiveEntered.FEES",
                                "proactiveEntered.PERMITS"));
        AnnualReportView unchanged = reports.forStaff(org, YEAR, editor);
        assertThat(unchanged.content().section(ReportSection.OVERVIEW)).isEqualTo("本局坚持以公开为常态。\n\n依申请公开按期答复。");
        assertThat(unchanged.entered()).containsEntry("LICENSING", "12").containsEntry("FEES", "1.25");

        // The API answers the same rule as a problem detail, and a reviewer (not an editor) may not write.
        String body = "{\"appeals\":{\"REVIEW\":{\"UPHELD\":1,\"CORRECTED\":0,\"OTHER\":0,\"PENDING\":0,\"TOTAL\":2}}}";
        mvc.perform(put("/api/v1/annual-reports/{o}/{y}", org, YEAR).with(signIn.asNew(org, Role.EDITOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("表四勾稽关系不符：行政复议的总计（2）应等于")));
        mvc.perform(put("/api/v1/annual-reports/{o}/{y}", org, YEAR).with(signIn.asNew(org, Role.REVIEWER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"sections\":{\"OVERVIEW\":\"x\"}}"))
                .andExpect(status().isForbidden());
        // Before the year has ended a report cannot go to review.
        clock.setDate(LocalDate.of(2024, 12, 30));
        assertThatThrownBy(() -> Acting.as(editor, () -> reports.submit(org, YEAR, editor)))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("尚未结束");
        // A body that reports nothing, and a year out of range.
        mvc.perform(get("/api/v1/annual-reports/{o}/{y}", org, 1999)).andExpect(status().isBadRequest());
        mvc.perform(get("/annual-reports/{o}/{y}", org, 2023)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("尚未发布")));
    }

    @Test
    void theFormSavesWhatTheClerkTypedAndShowsErrorsBesideTheFields() throws Exception {
        clock.setDate(LocalDate.of(2025, 1, 6));
        String org = "ycsfpb";
        var editor = signIn.asNew(org, Role.EDITOR);
        mvc.perform(post("/admin/annual-reports/{o}/{y}", org, YEAR).with(editor).with(csrf())
                .param("sections.OVERVIEW", "扶贫办总体情况。").param("figure.LICENSING", "七")
                .param("source.LICENSING", "审批系统"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("行政许可的本年处理决定数量应为不小于0的整数，而不是“七”。")))
                .andExpect(content().string(containsString("扶贫办总体情况。")));
        mvc.perform(post("/admin/annual-reports/{o}/{y}", org, YEAR).with(editor).with(csrf())
                .param("sections.OVERVIEW", "扶贫办总体情况。").param("figure.LICENSING", "7")
                .param("source.LICENSING", "审批系统"))
                .andExpect(redirectedUrl("/admin/annual-reports/" + org + "/" + YEAR));
        mvc.perform(get("/admin/annual-reports/{o}/{y}", org, YEAR).with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("扶贫办总体情况。")))
                .andExpect(content().string(containsString("请填写“五、存在的主要问题及改进情况”。")));
        mvc.perform(get("/admin/annual-reports").with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("宜春市扶贫和移民办公室")));
    }
}
