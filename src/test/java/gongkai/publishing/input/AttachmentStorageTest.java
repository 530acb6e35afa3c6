package gongkai.publishing.input;

import static gongkai.publishing.input.UploadFiles.docx;
import static gongkai.publishing.input.UploadFiles.pdf;
import static gongkai.publishing.input.UploadFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import gongkai.publishing.internal.input.AttachmentProperties;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.publishing.internal.input.StoredFile;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

class AttachmentStorageTest {

    /** Shared by the tests, so that they share one parsing process; each test starts with no file stored. */
    @TempDir
    static Path dataDir;

    private static AttachmentStorage storage;

    @BeforeAll
    static void startStorage() {
        storage = new AttachmentStorage(new GongkaiProperties(dataDir, "ycszfb", false),
                new AttachmentProperties(DataSize.ofMegabytes(20)));
    }

    @AfterAll
    static void endStorage() {
        storage.close();
    }

    private final List<AttachmentStorage> opened = new ArrayList<>();

    private AttachmentStorage storageWithLimit(DataSize limit) {
        return opened(new AttachmentProperties(limit));
    }

    private AttachmentStorage storageWith(Duration timeout, DataSize memory, int maxTextChars) {
        return opened(new AttachmentProperties(DataSize.ofMegabytes(20), maxTextChars, timeout, memory, 1));
    }

    private AttachmentStorage opened(AttachmentProperties properties) {
        AttachmentStorage opened = new AttachmentStorage(new GongkaiProperties(dataDir, "ycszfb", false), properties);
        this.opened.add(opened);
        return opened;
    }

    @AfterEach
    void endParsingProcessesAndForgetFiles() throws IOException {
        opened.forEach(AttachmentStorage::close);
        Path files = dataDir.resolve("files");
        if (Files.exists(files)) {
            try (Stream<Path> walk = Files.walk(files)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aPdfIsStoredUnderItsHashWithItsText() throws Exception {
        byte[] pdf = pdf("Disclosure notice 2026: poverty alleviation projects of Yichun");

        StoredFile stored = storage.store("2026年扶贫项目公告.pdf", new ByteArrayInputStream(pdf));

        String sha256 = sha256(pdf);
        assertThat(stored.sha256()).isEqualTo(sha256);
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.originalName()).isEqualTo("2026年扶贫项目公告.pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.textExtracted()).isTrue();
        assertThat(stored.text()).contains("Disclosure notice 2026: poverty alleviation projects of Yichun");
        Path file = dataDir.resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256);
        assertThat(file).isRegularFile().hasBinaryContent(pdf);
        assertThat(storage.exists(sha256)).isTrue();
        try (InputStream in = storage.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void theSameContentUploadedTwiceIsStoredOnce() throws Exception {
        byte[] pdf = pdf("Same content");

        StoredFile first = storage.store("通知.pdf", new ByteArrayInputStream(pdf));
        StoredFile second = storage.store("通知（重新上传）.pdf", new ByteArrayInputStream(pdf));

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.originalName()).isEqualTo("通知（重新上传）.pdf");
        assertThat(storedFiles()).containsExactly(
                dataDir.resolve("files").resolve(first.sha256().substring(0, 2)).resolve(first.sha256()));
    }

    @Test
    void officeDocumentsAreDetectedByContentAndTheirTextRead() throws Exception {
        StoredFile docx = storage.store("实施方案.docx", new ByteArrayInputStream(docx("宜春市扶贫项目实施方案")));
        assertThat(docx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.textExtracted()).isTrue();
        assertThat(docx.text()).contains("宜春市扶贫项目实施方案");

        StoredFile xls = storage.store("资金表.xls", new ByteArrayInputStream(xls("扶贫资金分配")));
        assertThat(xls.mediaType()).isEqualTo("application/vnd.ms-excel");
        assertThat(xls.text()).contains("扶贫资金分配");

        StoredFile odt = storage.store("说明.odt", new ByteArrayInputStream(odt("公开说明")));
        assertThat(odt.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(odt.text()).contains("公开说明");
    }

    @Test
    void imagesAreAcceptedWithoutText() throws Exception {
        StoredFile png = storage.store("现场照片.png", new ByteArrayInputStream(image("png")));
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.text()).isEmpty();
        assertThat(png.textExtracted()).isFalse();

        StoredFile jpeg = storage.store("现场照片.JPG", new ByteArrayInputStream(image("jpeg")));
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.textExtracted()).isFalse();
    }

    @Test
    void aDocumentWhoseTextCannotBeReadIsRefusedSinceThePrivacyGuardCouldNotScanIt() throws Exception {
        byte[] broken = "%PDF-1.7\nthis is not really a PDF document\n".getBytes(StandardCharsets.US_ASCII);

        assertRefused(() -> storage.store("扫描件.pdf", new ByteArrayInputStream(broken)),
                "附件“扫描件.pdf”已损坏或已加密，无法提取文字，也就无法检查其中是否含有个人信息");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aPdfWhoseOneContentStreamInflatesToHundredsOfMegabytesIsRefusedAndTheNextFileIsStillRead() throws Exception {
        byte[] bomb = HostileFiles.pdfWithInflatingText(400);
        assertThat(bomb.length).as("a small upload").isLessThan(3 * 1024 * 1024);
        AttachmentStorage bounded = storageWith(Duration.ofSeconds(20), DataSize.ofMegabytes(64), 1_000_000);

        assertRefused(() -> bounded.store("年度报告.pdf", new ByteArrayInputStream(bomb)),
                "附件“年度报告.pdf”内容过大（解析所需内存超过 64 MB），无法提取文字，请检查文件，或另存为较小的文件后上传。");

        assertThat(storedFiles()).isEmpty();
        assertThat(bounded.store("通知.pdf", new ByteArrayInputStream(pdf("After the bomb"))).text())
                .as("a new parsing process reads the next upload").contains("After the bomb");
    }

    @Test
    void pdfsThatKeepTheParserBusyAreRefusedWhenTheirTimeRunsOut() throws Exception {
        // Far below what either file needs on any machine (walking a million pages, inflating 800 MB), so the
        // test does not depend on the machine's speed; starting the parsing process has a limit of its own.
        AttachmentStorage hurried = storageWith(Duration.ofMillis(300), DataSize.ofMegabytes(256), 1_000_000);

        assertRefused(() -> hurried.store("百万页.pdf", new ByteArrayInputStream(HostileFiles.pdfWithAMillionPages())),
                "附件“百万页.pdf”解析超时（超过 300 毫秒），无法提取文字，请检查文件，或另存为较小的文件后上传。");
        byte[] operators = HostileFiles.pdfWithInflatingContent(800, "0 0 m\n");
        assertRefused(() -> hurried.store("路径.pdf", new ByteArrayInputStream(operators)),
                "附件“路径.pdf”解析超时（超过 300 毫秒）");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void anXlsxZipBombAttachedAsADocumentIsRefused() throws Exception {
        assertRefused(() -> storage.store("统计表.xlsx", new ByteArrayInputStream(HostileFiles.xlsxBomb(100))),
                "附件“统计表.xlsx”的文字超过了 1000000 字的上限");
        assertRefused(() -> storage.store("实体.xlsx", new ByteArrayInputStream(HostileFiles.xlsxEntityBomb())),
                "附件“实体.xlsx”已损坏或已加密，无法提取文字");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aDocumentWithMoreTextThanTheLimitIsRefusedRatherThanPublishedPartlyUnscanned() throws Exception {
        AttachmentStorage small = storageWith(Duration.ofSeconds(20), DataSize.ofMegabytes(256), 100);

        assertRefused(() -> small.store("长文.docx", new ByteArrayInputStream(docx("公开".repeat(60)))),
                "附件“长文.docx”的文字超过了 100 字的上限");
        assertThat(storedFiles()).isEmpty();
        assertThat(small.store("短文.docx", new ByteArrayInputStream(docx("公开".repeat(20)))).text())
                .contains("公开".repeat(20));
    }

    @Test
    void aBombClaimingAnotherTypeIsRefusedForItsContentBeforeItIsParsed() throws Exception {
        assertRefused(() -> storage.store("照片.png", new ByteArrayInputStream(HostileFiles.pdfWithInflatingContent(800, "0 0 m\n"))),
                "文件“照片.png”的扩展名与内容不符：内容是PDF 文档");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aZipOrAWebPageNamedPdfIsRefusedNamingTheFile() throws Exception {
        assertRefused(() -> storage.store("年度报告.pdf", new ByteArrayInputStream(zip())),
                "文件“年度报告.pdf”的内容是ZIP 压缩包，不是允许上传的类型");
        byte[] html = "<!DOCTYPE html><html><head><title>通知</title></head><body><p>通知</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> storage.store("通知.pdf", new ByteArrayInputStream(html)),
                "文件“通知.pdf”的内容是网页（HTML），不是允许上传的类型");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aNameWhoseExtensionContradictsTheContentIsRefused() throws Exception {
        byte[] pdf = pdf("Renamed");
        assertRefused(() -> storage.store("setup.exe", new ByteArrayInputStream(pdf)),
                "文件“setup.exe”的扩展名与内容不符：内容是PDF 文档，扩展名应为 .pdf");
        assertRefused(() -> storage.store("照片.png", new ByteArrayInputStream(image("jpeg"))),
                "文件“照片.png”的扩展名与内容不符：内容是JPEG 图片");
        assertThat(storedFiles()).isEmpty();

        assertThat(storage.store("会议纪要.2026", new ByteArrayInputStream(pdf)).mediaType())
                .as("a suffix that names no type is not an extension").isEqualTo("application/pdf");
        assertThat(storage.store("会议纪要", new ByteArrayInputStream(pdf)).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void emptyAndOversizeFilesAreRefused() throws Exception {
        assertRefused(() -> storage.store("空白.pdf", InputStream.nullInputStream()), "文件“空白.pdf”是空文件");

        AttachmentStorage small = storageWithLimit(DataSize.ofKilobytes(1));
        byte[] big = ("%PDF-1.7\n" + "x".repeat(1024)).getBytes(StandardCharsets.US_ASCII);
        assertRefused(() -> small.store("大文件.pdf", new ByteArrayInputStream(big)),
                "文件“大文件.pdf”超过了 1 KB 的大小上限");

        assertThat(storedFiles()).isEmpty();
        try (Stream<Path> incoming = Files.list(dataDir.resolve("files").resolve("incoming"))) {
            assertThat(incoming).as("no partial upload is left behind").isEmpty();
        }
    }

    @Test
    void aMalformedHashIsRefusedBeforeAnyFileIsTouched() {
        for (String bad : List.of("../../../etc/passwd", "../" + "a".repeat(61), "A".repeat(64), "a".repeat(63),
                "a".repeat(62) + "/x", "")) {
            assertThatThrownBy(() -> storage.open(bad)).isInstanceOf(InvalidInputProblem.class)
                    .hasMessage("附件编号格式不正确。");
            assertThatThrownBy(() -> storage.exists(bad)).isInstanceOf(InvalidInputProblem.class);
        }
        assertThatThrownBy(() -> storage.open(null)).isInstanceOf(InvalidInputProblem.class);
        assertThat(storage.exists("0".repeat(64))).isFalse();
        assertThatThrownBy(() -> storage.open("0".repeat(64))).isInstanceOf(NotFoundProblem.class);
    }

    @Test
    void namesLoseTheirPathControlCharactersAndExcessLength() {
        assertThat(AttachmentStorage.sanitiseName("C:\\Users\\clerk\\..\\年度\u0000报告\n.pdf")).isEqualTo("年度报告.pdf");
        assertThat(AttachmentStorage.sanitiseName("../../etc/报告\u202Efdp.exe")).isEqualTo("报告fdp.exe");
        assertThat(AttachmentStorage.sanitiseName("  /tmp/  ")).isEqualTo("未命名文件");
        assertThat(AttachmentStorage.sanitiseName(null)).isEqualTo("未命名文件");
        String longName = AttachmentStorage.sanitiseName("长".repeat(300) + ".pdf");
        assertThat(longName).hasSize(AttachmentStorage.MAX_NAME).endsWith("长.pdf");
    }

    @Test
    void theSizeLimitDefaultsTo20MegabytesAndCanBeSet() {
        Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
        assertThat(none.bindOrCreate("gongkai.attachments", AttachmentProperties.class).maxSize())
                .isEqualTo(DataSize.ofMegabytes(20));
        Binder set = new Binder(new MapConfigurationPropertySource(Map.of("gongkai.attachments.max-size", "5MB")));
        assertThat(set.bindOrCreate("gongkai.attachments", AttachmentProperties.class).maxSize())
                .isEqualTo(DataSize.ofMegabytes(5));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable store, String message) {
        assertThatThrownBy(store).isInstanceOfSatisfying(InvalidInputProblem.class,
                problem -> assertThat(problem.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("file");
                    assertThat(error.message()).startsWith(message);
                }));
    }

    private List<Path> storedFiles() throws IOException {
        Path files = dataDir.resolve("files");
        if (!Files.exists(files)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] xls(String text) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("表").createRow(0).createCell(0).setCellValue(text);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A minimal OpenDocument text: the uncompressed mimetype entry first, then the content. */
    private static byte[] odt(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>"
                    + "</office:document-content>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\""
                    + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC00000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("说明.txt"));
            zip.write("压缩包里的文字".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
