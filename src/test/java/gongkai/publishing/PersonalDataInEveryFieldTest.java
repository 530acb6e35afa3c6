package gongkai.publishing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import gongkai.privacy.Finding;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An ID number in any field the public sees — metadata, attachment names, descriptions and text, or disguised in the
 * body — stops a record at submission, and the problem names the field.
 */
@PlatformTest
class PersonalDataInEveryFieldTest extends PublishingFixture {

    /** The digits of the birth date of every ID number used here: they must never be echoed back. */
    private static final String BIRTH_DATE = "19491231";

    @Test
    void anIdNumberInAnyPublicFieldBlocksSubmissionAndTheProblemNamesTheField() throws Exception {
        Staff s = Staff.of("ycsjyj");
        RecordInput input = new RecordInput("ed-dropout", "ycsjyj", "360900", "控辍保学工作通知", "", "宜教发〔2026〕"
                + "11010519491231002X号", LocalDate.of(2026, 10, 1),
                "<p>身份证号1101<b></b>05&#49;9491231002X，电话1<b></b>39\u200B0795.1234。</p>",
                List.of("控辍保学", "110105 19491231 002X"), null, "户主110105·19491231·002X", null, null, null,
                null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        byte[] list = docx("见名单。");
        byte[] note = docx("见说明。");
        byte[] form = docx("身份证号：110105.1949.1231.002X");
        as(s.editor(), () -> drafting.addAttachment(ref, "名单110105 19491231 002X.docx",
                new ByteArrayInputStream(list), "名单"));
        as(s.editor(), () -> drafting.addAttachment(ref, "说明.docx", new ByteArrayInputStream(note),
                "户主身份证110105\u200B19491231\u200B002X"));
        as(s.editor(), () -> drafting.addAttachment(ref, "登记表.docx", new ByteArrayInputStream(form), "登记表"));

        List<FieldError> problems = refusedSubmission(s, ref);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotContain(BIRTH_DATE));
        assertThat(problems).anySatisfy(p -> assertProblem(p, "keywords", "关键词", "手工删除"));
        assertThat(problems).anySatisfy(p -> assertProblem(p, "documentNumber", "文号", "手工删除"));
        assertThat(problems).anySatisfy(p -> assertProblem(p, "targetGroup", "特定群体", "手工删除"));
        assertThat(problems).anySatisfy(p -> assertProblem(p, "attachments", "第1个附件的文件名", "删除该附件"));
        assertThat(problems).anySatisfy(p -> assertProblem(p, "attachments", "附件“说明.docx”的说明", "删除该附件"));
        assertThat(problems).anySatisfy(p -> assertProblem(p, "attachments", "附件“登记表.docx”第", "删除该附件"));
        assertThat(problems).filteredOn(p -> p.field().equals("body")).hasSize(2)
                .anySatisfy(p -> assertThat(p.message()).contains("居民身份证号码", "应用遮蔽建议"))
                .anySatisfy(p -> assertThat(p.message()).contains("手机号码", "139****1234"));

        // One click masks what it can — the body — and leaves the rest for the editor, so the record stays blocked.
        List<Finding> findings = as(s.editor(), () -> drafting.privacyFindings(ref));
        assertThat(findings).filteredOn(Finding::maskable).extracting(Finding::where).containsOnly("正文");
        assertThat(findings).filteredOn(f -> !f.maskable()).hasSize(6);
        int masked = as(s.editor(), () -> drafting.applySuggestedMasking(ref, "面向社会公开，保护个人隐私"));
        assertThat(masked).isEqualTo(2);
        RecordView draft = as(s.editor(), () -> records.workingCopy(ref));
        assertThat(draft.body()).contains("身份证号（身份证号码不予公开）", "电话139****1234")
                .doesNotContain(BIRTH_DATE).doesNotContain("0795");
        List<FieldError> left = refusedSubmission(s, ref);
        assertThat(left).noneMatch(p -> p.field().equals("body"));
        assertThat(left).filteredOn(p -> p.message().contains("居民身份证号码")).hasSize(6);
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.DRAFT);
    }

    @Test
    void anIdNumberMarkedUpAcrossAnElementMustBeRemovedByHand() {
        Staff s = Staff.of("ycsjyj");
        String ref = as(s.editor(), () -> drafting.create(draft("<p>身份证号<b>110105</b>19491231002X。</p>")));
        assertThat(refusedSubmission(s, ref)).anySatisfy(p -> assertProblem(p, "body", "正文", "手工删除"));
        assertThat(as(s.editor(), () -> drafting.applySuggestedMasking(ref, "保护个人隐私"))).isZero();
        as(s.editor(), () -> drafting.update(ref, draft("<p>身份证号（不予公开）。</p>")));
        as(s.editor(), () -> publishing.submit(ref));
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.SUBMITTED);
    }

    @Test
    void aClerkPastingAnIdNumberWithSpacesIntoTheKeywordsIsStoppedThroughTheApi() throws Exception {
        String editor = Acting.newUser(accounts, "ycsjyj", Role.EDITOR);
        String body = """
                {"catalogItem":"ed-dropout","org":"ycsjyj","region":"360900","title":"控辍保学工作通知",
                 "writtenOn":"2026-10-01","body":"<p>见通知。</p>","keywords":["控辍保学","110105 19491231 002X"],
                 "audience":"public"}
                """;
        String created = mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String draft = JsonPath.read(created, "$.indexNo");
        mvc.perform(get("/api/v1/records/{r}/problems", draft).with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[*].field", hasItem("keywords")))
                .andExpect(jsonPath("$.privacy[0].where").value("关键词"))
                .andExpect(jsonPath("$.privacy[0].kind").value("ID_NUMBER"))
                .andExpect(jsonPath("$.privacy[0].maskable").value(false))
                .andExpect(content().string(not(containsString(BIRTH_DATE))));
        mvc.perform(post("/api/v1/records/{r}/submit", draft).with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("keywords")))
                .andExpect(content().string(containsString("关键词")))
                .andExpect(content().string(not(containsString(BIRTH_DATE))));
    }

    private static RecordInput draft(String body) {
        return new RecordInput("ed-dropout", "ycsjyj", "360900", "控辍保学工作通知", "", null,
                LocalDate.of(2026, 10, 1), body, List.of(), null, null, null, null, null, null, null);
    }

    private List<FieldError> refusedSubmission(Staff s, String ref) {
        InvalidInputProblem refused = (InvalidInputProblem) catchThrowable(
                () -> as(s.editor(), () -> publishing.submit(ref)));
        assertThat(refused).as("submission must be refused").isNotNull();
        return refused.errors();
    }

    private static void assertProblem(FieldError p, String field, String where, String remedy) {
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.message()).startsWith(where).contains("居民身份证号码", remedy);
    }

    private static byte[] docx(String text) throws Exception {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
