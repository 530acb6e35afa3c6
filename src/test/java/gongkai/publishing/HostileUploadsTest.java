package gongkai.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import gongkai.account.Accounts;
import gongkai.publishing.input.HostileFiles;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static gongkai.publishing.input.UploadFiles.docx;
import static gongkai.publishing.input.UploadFiles.pdf;
import static gongkai.publishing.input.UploadFiles.sha256;
import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An editor uploads files built to exhaust a parser through the API: each is refused with a Chinese message naming
 * the file and the limit, nothing is stored, and the platform keeps answering its health check meanwhile.
 */
@PlatformTest
class HostileUploadsTest {

    private static final String ORG = "ycsjyj";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Records records;
    @Autowired
    AttachmentStorage storage;

    private final ExecutorService uploads = Executors.newSingleThreadExecutor();
    private String editor;
    private String ref;

    @BeforeEach
    void draft() throws Exception {
        editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        String body = """
                {"catalogItem":"ed-student-aid","org":"ycsjyj","region":"360900","title":"2026年学生资助情况",
                 "writtenOn":"2026-09-30","body":"<p>资助情况如下。</p>","audience":"public"}
                """;
        String created = mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        ref = JsonPath.read(created, "$.indexNo");
    }

    @AfterEach
    void stop() {
        uploads.shutdownNow();
    }

    @Test
    void hostileAttachmentsAreRefusedInChineseNothingIsStoredAndThePlatformKeepsAnswering() throws Exception {
        byte[] pdfBomb = HostileFiles.pdfWithInflatingText(400);
        // Which limit stops it first, the heap or the clock, depends on how busy the machine is.
        refusedAttachment("年度报告.pdf", pdfBomb, "附件“年度报告.pdf”(内容过大（解析所需内存超过 96 MB）|解析超时（超过 20 秒）)"
                + "，无法提取文字，请检查文件，或另存为较小的文件后上传。");
        byte[] xlsxBomb = HostileFiles.xlsxBomb(100);
        refusedAttachment("统计表.xlsx", xlsxBomb, "附件“统计表.xlsx”的文字超过了 1000000 字的上限.*");
        byte[] entityBomb = HostileFiles.xlsxEntityBomb();
        refusedAttachment("实体.xlsx", entityBomb, "附件“实体.xlsx”已损坏或已加密，无法提取文字.*");
        refusedAttachment("现场照片.png", pdfBomb, "文件“现场照片.png”的扩展名与内容不符：内容是PDF 文档.*");

        assertThat(as(Acting.actor(ORG, Role.EDITOR), () -> records.workingCopy(ref)).attachments()).isEmpty();
        for (byte[] refused : List.of(pdfBomb, xlsxBomb, entityBomb)) {
            assertThat(storage.exists(sha256(refused))).isFalse();
        }

        attach("通知.pdf", pdf("Notice of student aid 2026")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"));
        attach("实施方案.docx", docx("学生资助实施方案")).andExpect(status().isCreated());
        attach("资助表.xlsx", xlsx("资助项目", "国家助学金")).andExpect(status().isCreated());
        assertThat(as(Acting.actor(ORG, Role.EDITOR), () -> records.workingCopy(ref)).attachments()).hasSize(3);
    }

    @Test
    void hostileSpreadsheetsAreRefusedAtImportAndTheRowsStayAsTheyWere() throws Exception {
        refusedImport("资助.xlsx", HostileFiles.xlsxBomb(200), "文件“资助.xlsx”解压后超过了 50 MB 的上限");
        refusedImport("资助.csv", ("资助项目,学段\n国家助学金," + "A".repeat(9_000_000)).getBytes(),
                "第2行有单元格超过了 32767 个字符的上限");
        refusedImport("资助.xlsx", HostileFiles.pdfWithInflatingText(10), "文件“资助.xlsx”既不是 XLSX 表格，也不是 CSV 文件");
        assertThat(as(Acting.actor(ORG, Role.EDITOR), () -> records.workingCopy(ref)).rows()).isEmpty();
    }

    /** Uploads in the background and asks for the platform's health while the upload runs, and once after. */
    private ResultActions whileHealthChecked(ThrowingSupplier<ResultActions> upload) throws Exception {
        Future<ResultActions> result = uploads.submit(upload::get);
        do {
            mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
            // Pacing only, so that the checks do not take the processor from the upload.
            Thread.sleep(100);
        } while (!result.isDone());
        ResultActions done = result.get();
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        return done;
    }

    /** The refusal's message must match {@code pattern} whole. */
    private void refusedAttachment(String name, byte[] content, String pattern) throws Exception {
        whileHealthChecked(() -> attach(name, content)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", matchesPattern(pattern)));
    }

    private void refusedImport(String name, byte[] content, String message) throws Exception {
        whileHealthChecked(() -> mvc.perform(multipart("/api/v1/records/{r}/data", ref)
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .with(httpBasic(editor, Acting.PASSWORD))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString(message)));
    }

    private ResultActions attach(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/records/{r}/attachments", ref)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(httpBasic(editor, Acting.PASSWORD)));
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static byte[] xlsx(String... cells) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = workbook.createSheet("表").createRow(0);
            for (int i = 0; i < cells.length; i++) {
                row.createCell(i).setCellValue(cells[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
