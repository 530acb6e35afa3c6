package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.Records;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordView;
import gongkai.shared.ConflictProblem;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * The answer and what follows it: the reply letter with its legal basis and the applicant's remedies, downloadable by
 * the applicant with the code; a transfer to the organisation that holds the information; fees by the monthly count;
 * and the proposal to disclose proactively what several applicants were given (art. 44).
 */
@PlatformTest
@Import(MovableClock.Config.class)
class RepliesAndLettersTest extends RequestScenario {

    private static final String ORG = "ycsjyj";

    @Autowired
    Records records;
    @Autowired
    MockMvc mvc;

    private final Staff staff = Staff.of(ORG);

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void theReplyLetterCitesTheBasisAndTheRemediesAndTheApplicantDownloadsIt() throws Exception {
        clock.setDate(LocalDate.parse("2026-09-23"));
        Submitted s = Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2026年宜春市中小学教师招聘计划")));
        clock.setDate(LocalDate.parse("2026-10-09"));
        Acting.as(staff.approver(), () -> handling.reply(s.trackingNo(), new Reply("WITHHELD_PROCESS_INFORMATION",
                "所申请的招聘计划尚在研究论证中，属于过程稿。\n正式计划将于确定后主动公开。", null, null)));

        byte[] pdf = mvc.perform(get("/requests/{n}/letter.pdf", s.trackingNo()).param("code", s.code()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "reply-letter.pdf"), pdf);
        String letter = text(pdf);
        assertThat(letter).contains("政府信息公开申请答复告知书", "申请编号：" + s.trackingNo(), "李示例：",
                "2026年9月23日收到您提出的政府信息公开申请", "过程性信息", "第十六条第二款", "第三十六条第（三）项",
                "尚在研究论证中", "60日内向宜春市人民政府申请行政复议", "6个月内依法向人民法院提起行政诉讼",
                "宜春市教育局", "2026年10月9日");
        mvc.perform(get("/requests/{n}/letter.pdf", s.trackingNo()).param("code", "WRONGCODE9"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRequestForAnotherOrganisationsInformationGoesOnWithTheSameCode() throws Exception {
        clock.setDate(LocalDate.parse("2026-11-02"));
        Submitted s = Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2026年城乡低保对象名单")));
        String onward = Acting.as(staff.approver(), () -> handling.transfer(s.trackingNo(), new Transfer("ycsmzj",
                null, null, "城乡低保由民政部门负责，教育局不掌握该信息。"))).transferredTo();

        RequestView first = applicants.track(s.trackingNo(), s.code());
        assertThat(first.outcome()).isEqualTo(RequestOutcome.NOT_HELD);
        assertThat(first.transferredTo()).isEqualTo(onward);
        String letter = text(applicants.letterForApplicant(s.trackingNo(), s.code()).pdf());
        assertThat(letter).contains("不属于本机关负责公开", "第三十六条第（五）项", "宜春市民政局", onward);

        RequestView second = applicants.track(onward, s.code());
        assertThat(second.orgCode()).isEqualTo("ycsmzj");
        assertThat(second.channel()).isEqualTo(ReceiptChannel.TRANSFER);
        assertThat(second.receivedOn()).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(second.transferredFrom()).isEqualTo(s.trackingNo());
        assertThat(second.phase()).isEqualTo(RequestPhase.RUNNING);
        // The receiving office sees the applicant; the sending office no longer handles the new request.
        assertThat(Acting.as(Staff.of("ycsmzj").editor(), () -> handling.view(onward)).applicant().idNumber())
                .doesNotContain("*");
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> handling.view(onward)))
                .isInstanceOf(gongkai.shared.AccessDeniedProblem.class);
    }

    @Test
    void feesFollowTheApplicantsMonthlyCount() {
        clock.setDate(LocalDate.parse("2026-03-16"));
        NewRequest same = Applicants.person(ORG, "各县区学校收费情况");
        String eleventh = null;
        for (int i = 1; i <= 11; i++) {
            NewRequest r = new NewRequest(ORG, same.applicantType(), same.name(), same.idType(), same.idNumber(), null,
                    same.phone(), null, same.address(), "第" + i + "个县区学校收费情况", null, DeliveryForm.POST, false);
            eleventh = Acting.as(staff.editor(), () -> intake.enter(r, new Receipt("IN_PERSON",
                    LocalDate.parse("2026-03-16"), null))).trackingNo();
        }
        String no = eleventh;
        FeeQuote quote = Acting.as(staff.editor(), () -> handling.quote(no, 150));
        assertThat(quote.monthlyRank()).isEqualTo(11);
        assertThat(quote.perRequest()).isEqualByComparingTo("100.00");
        assertThat(quote.perVolume()).isEqualByComparingTo("1700.00");
        RequestView charged = Acting.as(staff.approver(), () -> clockKeeping.requestFee(no, "PER_REQUEST", null));
        assertThat(charged.feeAmount()).isEqualByComparingTo("100.00");
        assertThat(charged.history().get(charged.history().size() - 1).detail()).contains("第11件", "100.00元");
    }

    @Test
    void feeAmountsByTheRulesOf2020No109() {
        assertThat(InformationProcessingFee.perRequest(10)).isEqualByComparingTo("0");
        assertThat(InformationProcessingFee.perRequest(11)).isEqualByComparingTo("100");
        assertThat(InformationProcessingFee.perRequest(30)).isEqualByComparingTo("100");
        assertThat(InformationProcessingFee.perRequest(31)).isEqualByComparingTo("200");
        assertThat(InformationProcessingFee.perRequest(40)).isEqualByComparingTo("200");
        assertThat(InformationProcessingFee.perRequest(41)).isEqualByComparingTo("300");
        assertThat(InformationProcessingFee.perVolume(30)).isEqualByComparingTo("0");
        assertThat(InformationProcessingFee.perVolume(31)).isEqualByComparingTo("10");
        assertThat(InformationProcessingFee.perVolume(100)).isEqualByComparingTo("700");
        assertThat(InformationProcessingFee.perVolume(101)).isEqualByComparingTo("720");
        assertThat(InformationProcessingFee.perVolume(200)).isEqualByComparingTo("2700");
        assertThat(InformationProcessingFee.perVolume(201)).isEqualByComparingTo("2740");
    }

    @Test
    void informationGivenToSeveralApplicantsIsProposedAsADraftRecord() {
        clock.setDate(LocalDate.parse("2026-11-02"));
        String description = "2026年全市义务教育控辍保学工作进展情况";
        Submitted a = Origins.fresh(() -> intake.submit(Applicants.person(ORG, description)));
        Submitted b = Origins.fresh(() -> intake.submit(Applicants.person(ORG, description)));
        for (Submitted s : List.of(a, b)) {
            Acting.as(staff.approver(), () -> handling.reply(s.trackingNo(), new Reply("PUBLIC",
                    "截至10月底，全市义务教育阶段无新增辍学学生。", null, null)));
        }
        Proposal alone = new Proposal("ed-dropout", "2026年全市义务教育控辍保学工作进展", "", List.of());
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> handling.proposeProactiveDisclosure(a.trackingNo(),
                alone))).isInstanceOf(ConflictProblem.class).hasMessageContaining("第四十四条");

        String draft = Acting.as(staff.editor(), () -> handling.proposeProactiveDisclosure(a.trackingNo(),
                new Proposal("ed-dropout", "2026年全市义务教育控辍保学工作进展", "依申请公开后转为主动公开",
                        List.of(b.trackingNo()))));
        RecordView record = Acting.as(staff.editor(), () -> records.workingCopy(draft));
        assertThat(record.status()).isEqualTo(RecordStatus.DRAFT);
        assertThat(record.title()).isEqualTo("2026年全市义务教育控辍保学工作进展");
        assertThat(record.body()).contains("无新增辍学学生");
        assertThat(Acting.as(staff.editor(), () -> handling.view(a.trackingNo())).history())
                .extracting(RequestEvent::kind).contains(RequestEvent.Kind.PROPOSED);
        // Only staff see the proposal in the history.
        assertThat(applicants.track(a.trackingNo(), a.code()).history()).extracting(RequestEvent::kind)
                .doesNotContain(RequestEvent.Kind.PROPOSED);
    }
}
