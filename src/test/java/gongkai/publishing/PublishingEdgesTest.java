package gongkai.publishing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gongkai.publishing.internal.PublicationStep;
import gongkai.shared.InvalidInputProblem;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Concurrent publication, spreadsheet import, attachments and scheduled publication. */
@PlatformTest
class PublishingEdgesTest extends PublishingFixture {

    @Autowired
    PublicationStep publicationStep;

    private String reviewed(Staff s, String title) {
        RecordInput input = new RecordInput("ed-balance", "ycsjyj", "360900", title, "", null,
                LocalDate.of(2026, 10, 1), "<p>工作进展。</p>", List.of(), null, null, null, null, null, null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        return ref;
    }

    @Test
    void twoPublicationsAtOnceNeverGetOneIndexNumber() throws Exception {
        Staff s = Staff.of("ycsjyj");
        List<String> refs = List.of(reviewed(s, "均衡发展进展一"), reviewed(s, "均衡发展进展二"),
                reviewed(s, "均衡发展进展三"), reviewed(s, "均衡发展进展四"));
        ExecutorService pool = Executors.newFixedThreadPool(refs.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (String ref : refs) {
                Callable<String> approve = () -> {
                    start.await();
                    as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
                    return records.view(ref, null).indexNo();
                };
                results.add(pool.submit(approve));
            }
            start.countDown();
            List<String> numbers = new java.util.ArrayList<>();
            for (Future<String> f : results) {
                numbers.add(f.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("ycsjyj/2026-\\d{5}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadSpreadsheetChangesNothingAndNamesEveryBadRow() throws Exception {
        Staff s = Staff.of("ycsjyj");
        RecordInput input = new RecordInput("ed-student-aid", "ycsjyj", "360900", "2026年学生资助情况", "", null,
                LocalDate.of(2026, 9, 30), "", List.of(), null, null, null, null,
                List.of(Map.of("资助项目", "国家助学金", "学段", "普通高中", "资助标准", "2000元/生·年", "资助人数", "1200",
                        "资助金额", "2400000.00", "学年", "2026-2027学年")), null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        byte[] bad = xlsx(List.of(
                List.of("资助项目", "学段", "资助标准", "资助人数", "资助金额", "学年"),
                List.of("营养改善计划", "义务教育", "5元/天", "八百", "100000", "2026-2027学年"),
                List.of("免学费", "中职", "2000元/年", "300", "60000.123", "2026-2027学年"),
                List.of("", "学前", "1000元/年", "100", "100000", "2026-2027学年")));
        assertThatThrownBy(() -> as(s.editor(), () -> drafting.importRows(ref, "资助.xlsx", new ByteArrayInputStream(bad))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::message)
                        .anyMatch(m -> m.startsWith("第2行“资助人数”"))
                        .anyMatch(m -> m.startsWith("第3行“资助金额”"))
                        .anyMatch(m -> m.startsWith("第4行“资助项目”")));
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).rows()).hasSize(1)
                .first().satisfies(r -> assertThat(r.get("资助项目")).isEqualTo("国家助学金"));

        byte[] good = xlsx(List.of(
                List.of("资助项目", "学段", "资助标准", "资助人数", "资助金额", "学年"),
                List.of("营养改善计划", "义务教育", "5元/天", "800", "100000", "2026-2027学年"),
                List.of("免学费", "中职", "2000元/年", "300", "600000.00", "2026-2027学年")));
        int rows = as(s.editor(), () -> drafting.importRows(ref, "资助.xlsx", new ByteArrayInputStream(good)));
        assertThat(rows).isEqualTo(2);
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).rows()).extracting(r -> r.get("资助项目"))
                .containsExactly("营养改善计划", "免学费");
    }

    @Test
    void attachmentsAreCheckedByContentAndTheirTextByThePrivacyGuard() throws Exception {
        Staff s = Staff.of("ycsjyj");
        String ref = reviewedDraft(s);
        assertThatThrownBy(() -> as(s.editor(), () -> drafting.addAttachment(ref, "通知.pdf",
                new ByteArrayInputStream("<html><body>not a pdf</body></html>".getBytes()), null)))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("通知.pdf");
        byte[] docx = docx("联系人手机13907951234，请及时联系。");
        Attachment a = as(s.editor(), () -> drafting.addAttachment(ref, "名单.docx", new ByteArrayInputStream(docx),
                "名单"));
        assertThat(a.mediaType()).contains("wordprocessingml");
        assertThatThrownBy(() -> as(s.editor(), () -> publishing.submit(ref)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .anyMatch(x -> x.field().equals("attachments") && x.message().contains("附件“名单.docx”")
                                && x.message().contains("手机号码")));
        as(s.editor(), () -> drafting.removeAttachment(ref, a.sha256()));
        as(s.editor(), () -> publishing.submit(ref));
    }

    @Test
    void aScheduledRecordIsPublishedWhenItsTimeComes() throws Exception {
        Staff s = Staff.of("ycsjyj");
        String ref = reviewed(s, "定时发布测试");
        Instant at = Instant.now().plusSeconds(1);
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", at, null));
        assertThat(as(s.approver(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.SCHEDULED);
        publicationStep.publishDue();
        assertThat(as(s.approver(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.SCHEDULED);
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 50);
        publicationStep.publishDue();
        RecordView v = records.view(ref, null);
        assertThat(v.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(v.indexNo()).startsWith("ycsjyj/");
    }

    private String reviewedDraft(Staff s) {
        RecordInput input = new RecordInput("ed-dropout", "ycsjyj", "360900", "附件测试", "", null,
                LocalDate.of(2026, 10, 1), "<p>见附件。</p>", List.of(), null, null, null, null, null, null, null);
        return as(s.editor(), () -> drafting.create(input));
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("数据");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String text) throws Exception {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
