package gongkai.publishing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.shared.Actor;
import gongkai.shared.HtmlText;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Entering a record as a county clerk does (issue 19): plain text keeps its paragraphs and Word's markup is cleaned,
 * choice fields are drop-downs whose value the server still checks, the item's XLSX template reads back into the
 * form's rows (all or nothing, every bad cell named), an image needs a description and the public page shows it.
 */
@PlatformTest
class RecordEntryTest extends PublishingFixture {

    private static final String COUNTY = "fxxzf";
    private static final String FUNDS = "sa-funds";
    private static final List<String> PROGRAMMES = List.of("城乡低保", "特困人员救助供养", "受灾人员救助", "就业救助",
            "临时救助", "老年人福利", "残疾人福利", "儿童福利", "孤儿基本生活保障", "计划生育特殊困难家庭扶助");

    @Autowired
    Obligations obligations;

    @Test
    void plainTextKeepsItsParagraphsAndLineBreaksEscaped() throws Exception {
        String editor = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        String location = mvc.perform(form(editor, "社会救助政策问答（纯文本）")
                        .param("body", "第一段第一行\r\n第一段第二行\r\n\r\n\r\n  第二段 a<b 不是标签 & 符号  \n"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String body = as(actor(editor), () -> records.workingCopy(location.substring("/admin/records/".length())))
                .body();
        assertThat(body).startsWith("<p>第一段第一行<br />第一段第二行</p>").endsWith("</p>");
        assertThat(body.split("<p>", -1)).hasSize(3);
        assertThat(HtmlText.plain(body.substring(body.lastIndexOf("<p>")))).isEqualTo("第二段 a<b 不是标签 & 符号");

        // HTML from the editor is sanitised, and its blocks (divs of text) are stored as paragraphs.
        Actor clerk = actor(editor);
        String ref = as(clerk, () -> drafting.create(input("编辑器正文", "<div><strong>加粗</strong> 第一段</div><div>第二段</div>",
                List.of())));
        assertThat(as(clerk, () -> records.workingCopy(ref)).body())
                .isEqualTo("<p><strong>加粗</strong> 第一段</p><p>第二段</p>");
    }

    @Test
    void wordsPasteIsCleanedByTheSanitiser() {
        Actor clerk = Acting.actor(COUNTY, Role.EDITOR);
        String word = """
                <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
                <style>p.MsoNormal{margin:0cm;font-family:宋体}</style></head><body lang=ZH-CN>
                <!--StartFragment--><p class=MsoNormal style='mso-margin-top-alt:auto;text-indent:2em'><b><span lang=EN-US
                style='font-family:宋体;mso-bidi-font-family:Arial'>低保标准</span></b><span style='font-family:宋体'>每人每月
                <o:p></o:p></span></p><!--[if !supportLists]--><p class=MsoListParagraph><span style='mso-list:Ignore'>
                ·</span><span>第二条</span><script>alert(1)</script></p><!--EndFragment--></body></html>""";
        String ref = as(clerk, () -> drafting.create(input("从Word粘贴", word, List.of())));
        String body = as(clerk, () -> records.workingCopy(ref)).body();
        assertThat(body).contains("<b>", "低保标准", "每人每月", "第二条")
                .doesNotContain("class=", "style", "mso", "o:p", "<!--", "font-family", "<span lang", "script",
                        "alert", "Generator", "<html", "<head");
    }

    @Test
    void choiceFieldsAreDropDownsAndAValueNotInTheListIsRefusedAndNothingSaved() throws Exception {
        String editor = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        String form = page("/admin/records/new?item=" + FUNDS, editor);
        assertThat(form).contains("<select id=\"d_0_0\" name=\"cells[0_0]\">", "<option value=\"\">请选择</option>",
                "<option value=\"城乡低保\">城乡低保</option>", "<option value=\"计划生育特殊困难家庭扶助\">")
                .contains("/admin/records/templates/" + FUNDS + ".xlsx")
                .as("one empty row to begin with").doesNotContain("id=\"d_1_0\"");

        String answer = mvc.perform(form(editor, "救助款物管理使用情况（选项有误）").param("cells[0_0]", "低保")
                        .param("cells[0_1]", "中央财政").param("cells[0_5]", "全县").param("cells[0_6]", "2026-Q3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("数据第1行“救助项目”应为以下之一：城乡低保、特困人员救助供养")
                .contains("<option value=\"低保\" selected>低保（不在可选范围内）</option>")
                .contains("value=\"中央财政\"");
        assertThat(titled("救助款物管理使用情况（选项有误）")).isZero();

        // 再加5行 without scripts: the form comes back with what was typed and five more rows, nothing saved.
        String more = mvc.perform(form(editor, "救助款物（再加5行）").param("entryAction", "moreRows")
                        .param("cells[0_0]", "临时救助").param("cells[0_1]", "县级财政"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(more).contains("value=\"县级财政\"", "id=\"d_5_0\"", "value=\"救助款物（再加5行）\"")
                .doesNotContain("id=\"d_6_0\"");
        assertThat(titled("救助款物（再加5行）")).isZero();
    }

    @Test
    void theTemplateHasHeadingsWithUnitsRulesASampleDropDownsAndFormats() throws Exception {
        String editor = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        byte[] xlsx = mvc.perform(get("/admin/records/templates/" + FUNDS + ".xlsx").with(page(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("救助项目（必填）", "资金来源（必填）", "金额（元）", "物资种类", "数量",
                    "发放范围（必填）", "期间（必填）");
            List<String> rules = cells(sheet.getRow(1));
            assertThat(rules.get(0)).isEqualTo("【填写规则】选项；必填；从下拉列表中选：" + String.join("/", PROGRAMMES));
            assertThat(rules.get(2)).isEqualTo("金额（元）；选填；以元为单位，最多两位小数");
            assertThat(rules.get(6)).startsWith("期间；必填");
            Row sample = sheet.getRow(2);
            assertThat(sample.getCell(0).getStringCellValue()).isEqualTo("【示例】城乡低保");
            assertThat(sample.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new DataFormatter().formatCellValue(sample.getCell(2))).isEqualTo("12000.50");
            assertThat(sheet.getColumnStyle(2).getDataFormatString()).isEqualTo("0.00");
            assertThat(sheet.getColumnStyle(1).getDataFormatString()).isEqualTo("@");
            DataValidation list = sheet.getDataValidations().get(0);
            assertThat(list.getValidationConstraint().getExplicitListValues()).containsExactlyElementsOf(PROGRAMMES);
            assertThat(list.getRegions().getCellRangeAddress(0).getFirstRow()).as("data rows only").isEqualTo(3);
            assertThat(list.getRegions().getCellRangeAddress(0).getFirstColumn()).isZero();
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
        mvc.perform(get("/admin/records/templates/sa-policy.xlsx").with(page(editor))).andExpect(status().isNotFound());
    }

    @Test
    void aFilledTemplateFillsTheRowsAndABadOneNamesEachCellAndChangesNothing() throws Exception {
        String editor = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        byte[] template = mvc.perform(get("/admin/records/templates/" + FUNDS + ".xlsx").with(page(editor)))
                .andReturn().getResponse().getContentAsByteArray();

        byte[] good = filled(template, List.of(
                new Object[] {"临时救助", "县级财政", 36500.5, "", "", "全县", "2026-Q3"},
                new Object[] {"受灾人员救助", "省级下拨", "", "棉被", 200, "赤田镇", "2026-Q3"}));
        String filledForm = mvc.perform(importing(editor, "救助款物（读入表格）", good))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filledForm).contains("已从“救助款物.xlsx”读入2行数据")
                .contains("<option value=\"临时救助\" selected=\"selected\">", "value=\"36500.50\"", "value=\"县级财政\"")
                .contains("<option value=\"受灾人员救助\" selected=\"selected\">", "value=\"棉被\"", "value=\"200\"")
                .contains("value=\"救助款物（读入表格）\"").doesNotContain("【示例】");
        assertThat(titled("救助款物（读入表格）")).as("reading a sheet saves nothing").isZero();

        byte[] bad = filled(template, List.of(
                new Object[] {"低保", "县级财政", "三万", "", "", "全县", "2026-Q3"},
                new Object[] {"临时救助", "", "100", "", "", "全县", "2026-Q3"}));
        String refused = mvc.perform(importing(editor, "救助款物（表格有误）", bad).param("cells[0_1]", "已经填写的来源"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("有3处需要改正，均未保存")
                .contains("第4行“救助项目”：“救助项目”应为以下之一：城乡低保")
                .contains("第4行“金额”：“金额”应为以元为单位的金额，最多两位小数，如 12000.50，现为“三万”。")
                .contains("第5行“资金来源”：“资金来源”为必填项，不能为空。")
                .as("the rows typed before stay").contains("value=\"已经填写的来源\"");
        assertThat(titled("救助款物（表格有误）")).isZero();
    }

    @Test
    void anImageNeedsADescriptionAndThePublicPageShowsItAsAFigure() throws Exception {
        Staff office = Staff.of(COUNTY);
        String ref = as(office.editor(), () -> drafting.create(input("救助物资发放现场（图片）",
                "<p>物资已发放到户。</p>", List.of())));
        String editor = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        mvc.perform(multipart("/admin/records/" + ref + "/attachments")
                        .file(new MockMultipartFile("file", "现场.png", "image/png", png()))
                        .param("altText", " ").with(page(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(as(office.editor(), () -> records.workingCopy(ref)).attachments()).isEmpty();
        assertThatThrownBy(() -> as(office.editor(), () -> drafting.addAttachment(ref, "现场.png",
                new ByteArrayInputStream(png()), null)))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("是图片，请填写图片说明");
        assertThatThrownBy(() -> as(office.editor(), () -> drafting.addAttachment(ref, "现场.png",
                new ByteArrayInputStream(png()), "图".repeat(201))))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("图片说明不能超过200个字，现有201个字");
        assertThat(as(office.editor(), () -> records.workingCopy(ref)).attachments()).isEmpty();

        String description = "工作人员向赤田镇困难群众发放棉被和大米";
        Attachment photo = as(office.editor(), () -> drafting.addAttachment(ref, "现场.png",
                new ByteArrayInputStream(png()), description));
        assertThat(photo.image()).isTrue();
        String reviewerName = Acting.newUser(accounts, COUNTY, Role.REVIEWER);
        as(office.editor(), () -> publishing.submit(ref));
        String review = page("/admin/records/" + ref, reviewerName);
        assertThat(review).contains("<img src=\"/admin/records/" + ref + "/attachments/" + photo.sha256() + "\" alt=\""
                + description + "\" loading=\"lazy\">");

        as(office.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        String indexNo = as(office.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null)).ref();
        String encoded = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);
        String publicPage = mvc.perform(get(URI.create("/records/" + encoded))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("<h2 id=\"figures-h\">图解</h2>")
                .containsPattern("<img src=\"/records/" + encoded + "/attachments/" + photo.sha256() + "(\\?code=)?\" alt=\""
                        + description + "\" loading=\"lazy\">")
                .contains("<figcaption>" + description + "</figcaption>");
        assertThat(publicPage.indexOf("figures-h")).as("with the body, before the metadata")
                .isGreaterThan(publicPage.indexOf("物资已发放到户")).isLessThan(publicPage.indexOf("id=\"record-meta\""));
        byte[] served = mvc.perform(get(URI.create("/records/" + encoded + "/attachments/" + photo.sha256())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png());
    }

    @Test
    void thePickerGroupsByFieldFiltersAndMarksWhatIsOwed() throws Exception {
        String editor = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        String all = page("/admin/records/new", editor);
        assertThat(all).contains("<summary><span>社会救助和社会福利</span>", "<summary><span>教育</span>")
                .contains("href=\"/admin/records/new?item=sa-funds\"", "href=\"/admin/records/new?item=sa-recipients\"")
                .contains("<input id=\"item-q\" name=\"q\" type=\"search\"");
        Map<String, ObligationStatus> owed = obligations.owedBy(COUNTY);
        assertThat(owed).as("a county government owes this month's 低保 list at least").isNotEmpty();
        for (var o : owed.entrySet()) {
            String item = all.substring(all.indexOf("href=\"/admin/records/new?item=" + o.getKey() + "\""));
            String mark = o.getValue() == ObligationStatus.MISSING ? "overdue\">已逾期" : "due\">本期待发布";
            assertThat(item.substring(0, item.indexOf("</li>"))).as(o.getKey()).contains(mark);
        }

        String found = page("/admin/records/new?q=" + UriUtils.encodeQueryParam("救助款物", StandardCharsets.UTF_8), editor);
        assertThat(found).contains("item=sa-funds").doesNotContain("item=sa-recipients", "<span>教育</span>");
        assertThat(page("/admin/records/new?q=SA-RECIP", editor)).contains("item=sa-recipients")
                .doesNotContain("item=sa-funds\"");
        assertThat(page("/admin/records/new?q=" + UriUtils.encodeQueryParam("没有这个", StandardCharsets.UTF_8), editor))
                .contains("没有名称或代码包含“<span>没有这个</span>”的事项");
    }

    private MockMultipartHttpServletRequestBuilder importing(String editor, String title, byte[] sheet) {
        MockMultipartHttpServletRequestBuilder request = multipart("/admin/records");
        request.file(new MockMultipartFile("rowsFile", "救助款物.xlsx", "application/octet-stream", sheet));
        return (MockMultipartHttpServletRequestBuilder) request.param("catalogItem", FUNDS).param("org", COUNTY)
                .param("region", "360921").param("title", title).param("writtenOn", "2026-10-08")
                .param("period", "2026-Q3").param("entryAction", "importRows").with(page(editor)).with(csrf());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String editor,
            String title) {
        return post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", FUNDS).param("org", COUNTY)
                .param("region", "360921").param("title", title).param("writtenOn", "2026-10-08")
                .param("period", "2026-Q3");
    }

    /** The template with these rows from its fourth row on (under the header, the rules and the sample). */
    private static byte[] filled(byte[] template, List<Object[]> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(3 + r);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    // As Excel does when one types into a column: the template's format of the column applies.
                    if (sheet.getColumnStyle(c) != null) {
                        cell.setCellStyle(sheet.getColumnStyle(c));
                    }
                    if (values[c] instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (!"".equals(values[c])) {
                        cell.setCellValue((String) values[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(new DataFormatter().formatCellValue(c)));
        return cells;
    }

    private RecordInput input(String title, String body, List<Map<String, String>> rows) {
        return new RecordInput("ed-dropout", COUNTY, "360921", title, "", null, LocalDate.of(2026, 10, 8), body,
                List.of("社会救助"), null, null, null, null, rows, null, null);
    }

    private long titled(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_record WHERE title = ?", Long.class, title);
    }

    private Actor actor(String username) {
        return ((Actor.ActorHolder) principals.loadUserByUsername(username)).actor();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(URI.create(path)).with(page(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
