package gongkai.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * What a village clerk checks on a printed notice: A4, the Chinese prints, the header repeats on every sheet, each
 * sheet is numbered, and the QR code on the first sheet opens the record. All names and data are fictitious.
 */
class NoticePrinterTest {

    private static final String TITLE = "关于2026年第四季度低保对象名单的公示";
    private static final String PERIOD = "2026年11月27日至2026年12月3日";
    private static final String LINK = "https://gongkai.yichun.example/r/YC-2026-0001234?code=7K3Q-9M2D";
    private static final String ACCESS_CODE = "7K3Q-9M2D";
    private static final List<String> COLUMNS = List.of("姓名", "家庭住址", "保障人数");
    private static final String[] SURNAMES = {"张", "李", "王", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] LAST_CHARS = {"三", "华", "明", "芳", "军", "秀", "伟", "英", "平", "兰", "强", "红"};

    private static final NoticePrinter PRINTER = new NoticePrinter();
    private static byte[] longNotice;

    @BeforeAll
    static void printTheLongNotice() throws IOException {
        longNotice = PRINTER.pdf(notice(TITLE, 120, true));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "notice.pdf"), longNotice);
    }

    private static PrintableNotice notice(String title, int rowCount, boolean demo) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            rows.add(List.of(SURNAMES[i % SURNAMES.length] + "*" + LAST_CHARS[i % LAST_CHARS.length],
                    "袁州区示例镇示例村" + (i % 9 + 1) + "组", String.valueOf(i % 5 + 1)));
        }
        return new PrintableNotice(title, "宜春市袁州区民政局", "袁州区示例镇示例村", PERIOD,
                "根据《社会救助暂行办法》有关规定，经个人申请、入户调查、民主评议和审核确认，"
                        + "现将2026年第四季度拟纳入最低生活保障的对象名单公示如下（姓名已作部分隐去处理）。",
                COLUMNS, rows, LINK, ACCESS_CODE, LocalDate.of(2026, 11, 27), demo);
    }

    @Test
    void longNoticeRunsOverSeveralA4PagesEachWithTheHeaderRowAndItsNumber() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(longNotice)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).as("120 rows do not fit one sheet").isGreaterThan(1);
            for (PDPage page : pdf.getPages()) {
                PDRectangle size = page.getMediaBox();
                assertThat(size.getWidth()).as("A4 width in pt").isCloseTo(595.3f, within(1f));
                assertThat(size.getHeight()).as("A4 height in pt").isCloseTo(841.9f, within(1f));
            }
            for (int p = 1; p <= pages; p++) {
                String text = squash(pageText(pdf, p));
                assertThat(text).as("page %d", p)
                        .contains("姓名家庭住址保障人数")
                        .contains("第" + p + "页共" + pages + "页")
                        .contains("示例数据");
            }
            String all = squash(new PDFTextStripper().getText(pdf));
            assertThat(all).contains(TITLE, "张*三", ACCESS_CODE, "第1页", PERIOD, LINK,
                    "如有异议，请在公示期内向宜春市袁州区民政局反映。", "扫码查看原文", "2026年11月27日",
                    "袁州区示例镇示例村9组");
            assertThat(all).as("no Chinese replaced by #").doesNotContain("#");
            assertThat(squash(pageText(pdf, pages))).as("signed and dated after the table")
                    .endsWith("宜春市袁州区民政局2026年11月27日");
        }
    }

    @Test
    void theQrCodeOnThePrintedFirstPageOpensTheRecord() throws Exception {
        BufferedImage page1;
        try (PDDocument pdf = Loader.loadPDF(longNotice)) {
            page1 = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.RGB);
        }
        ImageIO.write(page1, "png", Path.of("target", "notice-page1.png").toFile());

        Result result = new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page1))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                        DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertThat(result.getText()).isEqualTo(LINK);
    }

    @Test
    void whatAnEditorTypedPrintsLiterally() throws IOException {
        String title = "<script>alert('公示')</script> & 关于{{publisher}}的公示";
        List<List<String>> rows = List.of(List.of("</td></tr><tr><td>王*五", "A & B <b>", "\"1\""));
        PrintableNotice notice = new PrintableNotice(title, "示例局 & <i>办公室</i>", "", PERIOD,
                "金额<10000元 & 人数>3", COLUMNS, rows, LINK, ACCESS_CODE, LocalDate.of(2026, 11, 27), false);

        String xhtml = PRINTER.xhtml(notice);
        assertThat(xhtml).doesNotContain("<script>", "<b>", "<i>").contains("&lt;script&gt;");

        try (PDDocument pdf = Loader.loadPDF(PRINTER.pdf(notice))) {
            String text = squash(new PDFTextStripper().getText(pdf));
            assertThat(text).contains(squash(title), "</td></tr><tr><td>王*五", "A&B<b>", "\"1\"",
                    "示例局&<i>办公室</i>", "金额<10000元&人数>3");
        }
    }

    @Test
    void realDataCarriesNoDemoMark() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PRINTER.pdf(notice(TITLE, 3, false)))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("示例数据").contains("第 1 页 共 1 页");
        }
    }

    @Test
    void whatANoticeLacksIsLeftOutNotPrintedEmpty() throws IOException {
        PrintableNotice bare = new PrintableNotice(TITLE, "宜春市民政局", null, PERIOD, " ", COLUMNS, List.of(), LINK,
                ACCESS_CODE, LocalDate.of(2026, 11, 27), false);
        try (PDDocument pdf = Loader.loadPDF(PRINTER.pdf(bare))) {
            String text = squash(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("发布单位：宜春市民政局公示期", "姓名家庭住址保障人数", "本次公示无名单。")
                    .doesNotContain("公示范围", "示例数据");
        }
    }

    @Test
    void theNoticeGivesTheObjectionContactAndThePageForTheCodeWhenItHasThem() throws IOException {
        PrintableNotice full = new PrintableNotice(TITLE, "宜春市民政局", null, PERIOD, "", COLUMNS, List.of(), LINK,
                ACCESS_CODE, LocalDate.of(2026, 11, 27), false, "0795-1234567", "宜春市示例路8号",
                "https://gongkai.yichun.example/code");
        try (PDDocument pdf = Loader.loadPDF(PRINTER.pdf(full))) {
            String text = squash(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("异议受理电话：0795-1234567", "异议受理地址：宜春市示例路8号",
                    "输入查阅码查看：https://gongkai.yichun.example/code");
        }
        PrintableNotice bare = new PrintableNotice(TITLE, "宜春市民政局", null, PERIOD, "", COLUMNS, List.of(), LINK,
                ACCESS_CODE, LocalDate.of(2026, 11, 27), false);
        try (PDDocument pdf = Loader.loadPDF(PRINTER.pdf(bare))) {
            String text = squash(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("输入查阅码查看，").doesNotContain("异议受理电话", "异议受理地址", "/code");
        }
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /** Text without the spaces and line breaks that layout puts in, so wrapped lines compare as typed. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
