package gongkai.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The demo's files carry no time of making: the same demo makes the same bytes, so the records' digests and the
 * transparency log's entries are the same on every start (the API's snapshots rely on that).
 */
class DemoFilesTest {

    @Test
    void thePdfHasFixedDatesAnIdFromItsTitleAndItsText() throws Exception {
        byte[] pdf = DemoFiles.pdf("关于做好2026年防止返贫动态监测和帮扶工作的通知", "宜春市乡村振兴局", "<p>第一段。</p><ul><li>第二条</li></ul>");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant().toString())
                    .isEqualTo("2025-12-31T16:00:00Z");
            assertThat(doc.getDocument().getTrailer().getCOSArray(org.apache.pdfbox.cos.COSName.ID).size()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(doc)).contains("示例数据", "2026", "第一段", "第二条", "宜春市乡村振兴局");
        }
        assertThat(DemoFiles.pdf("关于做好2026年防止返贫动态监测和帮扶工作的通知", "宜春市乡村振兴局",
                "<p>第一段。</p><ul><li>第二条</li></ul>")).isEqualTo(pdf);
    }

    @Test
    void theWorkbooksEntriesCarryAFixedTime() throws Exception {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        row.put("项目", "学前教育");
        row.put("金额", "18600000.00");
        byte[] xlsx = DemoFiles.xlsx("经费", List.of(row));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries++;
                assertThat(e.getTime()).as(e.getName()).isEqualTo(DemoFiles.FIXED.getTimeInMillis());
            }
            assertThat(entries).isGreaterThan(3);
        }
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getProperties().getCoreProperties().getCreated()).isEqualTo(DemoFiles.FIXED.getTime());
            assertThat(book.getSheetAt(0).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(18600000.00);
        }
    }
}
