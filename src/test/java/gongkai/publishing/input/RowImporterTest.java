package gongkai.publishing.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import gongkai.catalog.Audience;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.catalog.PublicationSchedule;
import gongkai.publishing.internal.input.RowError;
import gongkai.publishing.internal.input.RowImport;
import gongkai.publishing.internal.input.RowImporter;

class RowImporterTest {

    /** 扶贫项目, as in the catalogue. */
    static final CatalogItem PA_PROJECT = item("pa-project", "扶贫项目", List.of(
            field("项目名称", FieldType.TEXT, true),
            field("资金来源", FieldType.TEXT, true),
            field("实施期限", FieldType.PERIOD, true),
            field("预期目标", FieldType.TEXT, true),
            field("实施结果", FieldType.TEXT, false),
            field("实施单位", FieldType.TEXT, true),
            field("责任人", FieldType.TEXT, true),
            field("举报电话", FieldType.PHONE, true),
            field("检查验收结果", FieldType.TEXT, false)));

    /** 贫困识别和贫困退出情况 with an amount and a date: a personal field, a CHOICE, numbers and dates. */
    static final CatalogItem HOUSEHOLDS = item("pa-identification", "贫困识别和贫困退出情况", List.of(
            new CatalogField("户主姓名", FieldType.TEXT, true, true, List.of(), null),
            field("家庭人口", FieldType.INTEGER, true),
            field("所在村组", FieldType.TEXT, true),
            new CatalogField("识别或退出", FieldType.CHOICE, true, false, List.of("识别", "退出"), null),
            field("年度", FieldType.YEAR, true),
            field("补助金额", FieldType.AMOUNT, false),
            field("拨付日期", FieldType.DATE, false)));

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final RowImporter importer = new RowImporter();

    @Test
    void anXlsxGivesItsRowsInSchemaOrderWithNumbersAndDatesAsShown() throws IOException {
        byte[] xlsx = xlsx(
                List.of("年度", "*户主姓名", "家庭人口（必填）", "所在村组", "识别或退出*", "补助金额", "拨付日期"),
                List.of(2025, "张三", 4, " 新坊村一组 ", "识别", amount(12000.5), date(LocalDate.of(2026, 3, 1))),
                List.of(formula("2024+1"), "李四", formula("2+3"), "新坊村二组", "退出", formula("1000/4", "0.00"),
                        chineseDate(LocalDate.of(2026, 11, 27))),
                List.of("", "", ""),
                List.of());

        RowImport result = importer.parse("名单.xlsx", new ByteArrayInputStream(xlsx), HOUSEHOLDS);

        assertThat(result.errors()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.rows()).containsExactly(
                households("张三", "4", "新坊村一组", "识别", "2025", "12000.50", "2026-03-01"),
                households("李四", "5", "新坊村二组", "退出", "2025", "250.00", "2026-11-27"));
        assertThat(result.rows().get(0).keySet())
                .containsExactly("户主姓名", "家庭人口", "所在村组", "识别或退出", "年度", "补助金额", "拨付日期");
    }

    @Test
    void aFileWithBadRowsGivesEveryErrorAndNoRows() throws IOException {
        byte[] xlsx = xlsx(
                List.of("户主姓名", "家庭人口", "所在村组", "识别或退出", "年度"),
                List.of("张三", 4, "新坊村一组", "识别", 2025),
                List.of("", 3, "新坊村一组", "识别", 2025),
                List.of("王五", "四口", "新坊村二组", "退出", 2025),
                List.of("赵六", 2, "新坊村三组", "待定", 2025),
                List.of("钱七", 5, "新坊村三组", "识别", formula("1/0")));

        RowImport result = importer.parse("名单.xlsx", new ByteArrayInputStream(xlsx), HOUSEHOLDS);

        assertThat(result.ok()).isFalse();
        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).extracting(RowError::row, RowError::field, RowError::message).containsExactly(
                tuple(3, "户主姓名", "“户主姓名”为必填项，不能为空。"),
                tuple(4, "家庭人口", "“家庭人口”应为整数，如 12，现为“四口”。"),
                tuple(5, "识别或退出", "“识别或退出”应为以下之一：识别、退出，现为“待定”。"),
                tuple(6, "年度", "“年度”的公式计算出错（#DIV/0!），请改正公式或直接填写数值。"));
        assertThat(result.errors().get(1).describe()).isEqualTo("第4行：“家庭人口”应为整数，如 12，现为“四口”。");
    }

    @Test
    void unknownAndMissingColumnsAreNamed() {
        RowImport result = csv("""
                户主姓名,所在村组,识别或退出,年度,备注
                张三,新坊村一组,识别,2025,
                """, StandardCharsets.UTF_8, HOUSEHOLDS);

        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).extracting(RowError::row, RowError::field, RowError::message).containsExactly(
                tuple(1, "备注", "未知的列“备注”。本事项的数据项为：户主姓名、家庭人口、所在村组、识别或退出、年度、补助金额、拨付日期。"),
                tuple(1, "家庭人口", "缺少必填列“家庭人口”。"));
    }

    @Test
    void dataUnderAColumnWithoutAHeaderIsNotDroppedSilently() {
        RowImport result = csv("""
                户主姓名,家庭人口,所在村组,识别或退出,年度,
                张三,4,新坊村一组,识别,2025,多出来的内容
                """, StandardCharsets.UTF_8, HOUSEHOLDS);

        assertThat(result.errors()).extracting(RowError::row, RowError::message)
                .containsExactly(tuple(1, "F列有数据，但表头没有列名。请填写列名，或删除该列。"));
    }

    @Test
    void csvReadsTheSameInUtf8WithOrWithoutBomAndInGb18030() throws CharacterCodingException {
        String text = "户主姓名,家庭人口,所在村组,识别或退出,年度,补助金额\r\n"
                + "张三,4,\"新坊村,一组\",识别,2025,\"12,000.50\"\r\n"
                + "\"李\"\"四\"\"\",3,\"新坊村\n二组\",退出,2024,\r\n"
                + ",,,,,\r\n\r\n";
        List<Map<String, String>> expected = List.of(
                households("张三", "4", "新坊村,一组", "识别", "2025", "12,000.50", ""),
                households("李\"四\"", "3", "新坊村\n二组", "退出", "2024", "", ""));

        byte[] gb18030 = text.getBytes(GB18030);
        assertThat(isUtf8(gb18030)).as("the GB18030 bytes are not UTF-8").isFalse();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);

        for (byte[] bytes : List.of(utf8, withBom, gb18030)) {
            RowImport result = importer.parse("名单.csv", new ByteArrayInputStream(bytes), HOUSEHOLDS);
            assertThat(result.errors()).isEmpty();
            assertThat(result.rows()).isEqualTo(expected);
        }
    }

    @Test
    void csvRowNumbersAreTheRowsExcelShows() {
        RowImport result = csv("""
                项目名称,资金来源,实施期限,预期目标,实施单位,责任人,举报电话
                村道硬化,"中央财政
                专项扶贫资金",2026年3月至12月,硬化村道5公里,宜春市乡村振兴局,王某,0795-3201234

                安全饮水,省级财政,2026年,解决200户饮水,宜春市水利局,李某,12345
                光伏扶贫,市级财政,2026年,建成电站1座,宜春市发展改革委,,电话待定
                """, GB18030, PA_PROJECT);

        assertThat(result.errors()).extracting(RowError::row, RowError::field).containsExactly(
                tuple(5, "责任人"), tuple(5, "举报电话"));
    }

    @Test
    void anUnclosedQuoteInACsvIsReportedWithItsRow() {
        RowImport result = csv("户主姓名,家庭人口,所在村组,识别或退出,年度\n张三,4,\"新坊村一组,识别,2025\n",
                StandardCharsets.UTF_8, HOUSEHOLDS);

        assertThat(soleError(result).row()).isEqualTo(2);
        assertThat(soleError(result).message()).startsWith("CSV 格式有误：第2行附近的引号没有成对出现。");
    }

    @Test
    void aWorkbookWrittenWithInlineStringsIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("名单");
            fill(sheet.createRow(0), "户主姓名", "家庭人口", "所在村组", "识别或退出", "年度");
            fill(sheet.createRow(1), "张三", 4, "新坊村一组", "识别", "2025");
            workbook.write(out);
        }

        RowImport result = importer.parse("名单.xlsx", new ByteArrayInputStream(out.toByteArray()), HOUSEHOLDS);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).containsExactly(households("张三", "4", "新坊村一组", "识别", "2025", "", ""));
    }

    @Test
    void aGoodPaProjectCsvInGb18030GivesItsRows() {
        RowImport result = csv("""
                项目名称（必填）,资金来源（必填）,实施期限（必填）,预期目标（必填）,实施结果,实施单位（必填）,责任人（必填）,举报电话（必填）,检查验收结果
                村道硬化,中央财政专项扶贫资金,2026年3月至12月,硬化村道5公里,已完工,宜春市乡村振兴局,王某,0795-3201234,验收合格
                """, GB18030, PA_PROJECT);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("项目名称", "村道硬化").containsEntry("资金来源", "中央财政专项扶贫资金")
                    .containsEntry("举报电话", "0795-3201234").containsEntry("检查验收结果", "验收合格");
            assertThat(row.keySet()).containsExactlyElementsOf(
                    PA_PROJECT.fields().stream().map(CatalogField::name).toList());
        });
    }

    @Test
    void aFileThatIsNeitherXlsxNorCsvIsRefused() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(soleError(importer.parse("名单.xlsx", new ByteArrayInputStream(png), HOUSEHOLDS)))
                .isEqualTo(new RowError(0, null, "文件“名单.xlsx”既不是 XLSX 表格，也不是 CSV 文件。请下载本事项的导入模板，填写后上传。"));

        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("表").createRow(0).createCell(0).setCellValue("户主姓名");
            workbook.write(xls);
        }
        assertThat(soleError(importer.parse("名单.xls", new ByteArrayInputStream(xls.toByteArray()), HOUSEHOLDS))
                .message()).startsWith("文件“名单.xls”是旧版 Excel（.xls）等格式");

        byte[] notAWorkbook = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThat(soleError(importer.parse("名单.xlsx", new ByteArrayInputStream(notAWorkbook), HOUSEHOLDS))
                .message()).startsWith("文件“名单.xlsx”无法作为 XLSX 表格读取");
    }

    @Test
    void anXlsxThatUnpacksToHundredsOfMegabytesIsRefusedBeforeItIsOpened() {
        byte[] bomb = HostileFiles.xlsxBomb(500);
        assertThat(bomb.length).as("well under the upload limit").isLessThan(RowImporter.MAX_BYTES);

        assertThat(soleError(importer.parse("名单.xlsx", new ByteArrayInputStream(bomb), HOUSEHOLDS)))
                .isEqualTo(new RowError(0, null, "文件“名单.xlsx”解压后超过了 50 MB 的上限，内容过大，无法读取。"
                        + "请检查文件，或分成几个较小的文件导入。"));
    }

    @Test
    void anXlsxDeclaringAnEntityBombIsRefusedAsUnreadable() {
        assertThat(soleError(importer.parse("名单.xlsx", new ByteArrayInputStream(HostileFiles.xlsxEntityBomb()),
                HOUSEHOLDS)).message()).startsWith("文件“名单.xlsx”无法作为 XLSX 表格读取");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedNamingItsRow() {
        String header = "<row r=\"1\"><c t=\"inlineStr\"><is><t>户主姓名</t></is></c></row>";
        byte[] xlsx = HostileFiles.xlsxWithRows(header
                + "<row r=\"2\"><c t=\"inlineStr\"><is><t>" + randomHanzi(40_000) + "</t></is></c></row>");
        assertThat(soleError(importer.parse("名单.xlsx", new ByteArrayInputStream(xlsx), HOUSEHOLDS)))
                .isEqualTo(new RowError(2, null, "文件“名单.xlsx”第2行有单元格超过了 32767 个字符的上限"
                        + "（Excel 一个单元格最多容纳这么多字符），请检查文件。"));

        String csvHeader = "户主姓名,家庭人口,所在村组,识别或退出,年度\n";
        assertThat(soleError(csv(csvHeader + "张三,4," + "A".repeat(9_000_000), StandardCharsets.UTF_8, HOUSEHOLDS)))
                .as("one enormous line").isEqualTo(new RowError(2, null,
                        "第2行有单元格超过了 32767 个字符的上限（Excel 一个单元格最多容纳这么多字符），请检查文件。"));
        assertThat(soleError(csv(csvHeader + "张三" + ",".repeat(100_000) + "\n", StandardCharsets.UTF_8, HOUSEHOLDS)))
                .isEqualTo(new RowError(2, null, "第2行超过了 16384 列的上限，请检查文件。"));
    }

    @Test
    void aPdfOrAWorkbookBombNamedCsvIsReadForWhatItIs() {
        byte[] pdf = HostileFiles.pdfWithInflatingText(100);
        assertThat(soleError(importer.parse("名单.csv", new ByteArrayInputStream(pdf), HOUSEHOLDS)).message())
                .startsWith("文件“名单.csv”既不是 XLSX 表格，也不是 CSV 文件");
        assertThat(soleError(importer.parse("名单.csv", new ByteArrayInputStream(HostileFiles.xlsxBomb(500)),
                HOUSEHOLDS)).message()).startsWith("文件“名单.csv”解压后超过了 50 MB 的上限");
    }

    @Test
    void emptyFilesSheetsAndSheetsWithoutAHeaderAreRefused() throws IOException {
        assertThat(soleError(importer.parse("名单.csv", InputStream.nullInputStream(), HOUSEHOLDS)).message())
                .isEqualTo("文件“名单.csv”是空文件。");
        assertThat(soleError(importer.parse("名单.xlsx", new ByteArrayInputStream(xlsx()), HOUSEHOLDS)).message())
                .startsWith("表格是空的");
        assertThat(soleError(csv("户主姓名,家庭人口,所在村组,识别或退出,年度\n,,,,\n", StandardCharsets.UTF_8,
                HOUSEHOLDS)).message()).isEqualTo("表格只有表头，没有数据行。");
        assertThat(soleError(csv("2025年贫困户识别名单\n张三,4,新坊村一组,识别,2025\n", StandardCharsets.UTF_8, HOUSEHOLDS)))
                .isEqualTo(new RowError(1, null,
                        "第1行应为表头，写明各列的数据项名称：户主姓名、家庭人口、所在村组、识别或退出、年度、补助金额、拨付日期。"));
    }

    @Test
    void atMostTenThousandRowsAreTaken() {
        StringBuilder text = new StringBuilder("户主姓名,家庭人口,所在村组,识别或退出,年度\n");
        for (int i = 0; i < RowImporter.MAX_ROWS; i++) {
            text.append("户主").append(i).append(",3,新坊村一组,识别,2025\n");
        }
        assertThat(csv(text.toString(), StandardCharsets.UTF_8, HOUSEHOLDS).rows()).hasSize(RowImporter.MAX_ROWS);

        text.append("再多一户,3,新坊村一组,识别,2025\n");
        assertThat(soleError(csv(text.toString(), StandardCharsets.UTF_8, HOUSEHOLDS)))
                .isEqualTo(new RowError(0, null, "数据超过了 10000 行的上限，请分成几个文件导入。"));
    }

    @Test
    void theTemplateCanBeFilledAndImported() throws IOException {
        byte[] template = importer.template(HOUSEHOLDS);

        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet data = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("贫困识别和贫困退出情况");
            assertThat(cells(data.getRow(0))).containsExactly("户主姓名（必填）", "家庭人口（必填）", "所在村组（必填）",
                    "识别或退出（必填）", "年度（必填）", "补助金额（元）", "拨付日期");
            assertThat(data.getRow(1).getCell(0).getStringCellValue()).startsWith("【填写规则】文本；必填");
            assertThat(data.getRow(2).getCell(0).getStringCellValue()).isEqualTo("【示例】张三");
            assertThat(data.getDataValidations()).singleElement()
                    .satisfies(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("识别", "退出"));

            Sheet guide = workbook.getSheet("填写说明");
            assertThat(cells(guide.getRow(0))).containsExactly("数据项", "类型", "是否必填", "可选值", "说明");
            assertThat(cells(guide.getRow(1))).containsExactly("户主姓名", "文本", "是", "", "涉及个人信息，对外公开时按规定遮蔽");
            assertThat(cells(guide.getRow(4))).containsExactly("识别或退出", "选项", "是", "识别、退出", "");
            assertThat(cells(guide.getRow(6))).containsExactly("补助金额", "金额（元）", "否", "", "以元为单位，最多两位小数");

            // Under the template's rules and sample rows, which the import passes over.
            fill(data.createRow(3), "张三", 4, "新坊村一组", "识别", 2025, amount(8000), date(LocalDate.of(2026, 5, 8)));
            fill(data.createRow(4), "李四", "3", "新坊村二组", "退出", "2025", "", "");
            workbook.write(filled);
        }

        RowImport result = importer.parse("贫困识别和贫困退出情况.xlsx", new ByteArrayInputStream(filled.toByteArray()),
                HOUSEHOLDS);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).containsExactly(
                households("张三", "4", "新坊村一组", "识别", "2025", "8000.00", "2026-05-08"),
                households("李四", "3", "新坊村二组", "退出", "2025", "", ""));
    }

    private RowImport csv(String text, Charset charset, CatalogItem item) {
        return importer.parse("名单.csv", new ByteArrayInputStream(text.getBytes(charset)), item);
    }

    /** Text that compresses as ordinary text does, so that POI's own inflate-ratio guard lets it through. */
    private static String randomHanzi(int length) {
        java.util.Random random = new java.util.Random(10);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    private static RowError soleError(RowImport result) {
        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    private static Map<String, String> households(String name, String people, String village, String kind,
            String year, String amount, String date) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("户主姓名", name);
        row.put("家庭人口", people);
        row.put("所在村组", village);
        row.put("识别或退出", kind);
        row.put("年度", year);
        row.put("补助金额", amount);
        row.put("拨付日期", date);
        return row;
    }

    /** A cell value with the number format a clerk would give it. */
    private record Formatted(Object value, String format) {
    }

    private record Formula(String formula, String format) {
    }

    private static Formatted amount(double value) {
        return new Formatted(value, "#,##0.00");
    }

    private static Formatted date(LocalDate value) {
        return new Formatted(value, "yyyy/m/d");
    }

    private static Formatted chineseDate(LocalDate value) {
        return new Formatted(value, "yyyy\"年\"m\"月\"d\"日\"");
    }

    private static Formula formula(String formula) {
        return new Formula(formula, null);
    }

    private static Formula formula(String formula, String format) {
        return new Formula(formula, format);
    }

    @SafeVarargs
    private static byte[] xlsx(List<Object>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名单");
            for (int r = 0; r < rows.length; r++) {
                fill(sheet.createRow(r), rows[r].toArray());
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Row row, Object... values) {
        Workbook workbook = row.getSheet().getWorkbook();
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            Object value = values[c];
            String format = null;
            if (value instanceof Formatted f) {
                value = f.value();
                format = f.format();
            }
            if (value instanceof Formula f) {
                cell.setCellFormula(f.formula());
                format = f.format();
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
            } else {
                cell.setCellValue((String) value);
            }
            if (format != null) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                cell.setCellStyle(style);
            }
        }
    }

    private static List<String> cells(Row row) {
        return IntStream.range(0, row.getLastCellNum())
                .mapToObj(c -> row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue()).toList();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static CatalogField field(String name, FieldType type, boolean required) {
        return new CatalogField(name, type, required, false, List.of(), null);
    }

    private static CatalogItem item(String code, String name, List<CatalogField> fields) {
        return new CatalogItem(code, "poverty-alleviation", name, Audience.PUBLIC, PublicationSchedule.parse("event:20"),
                List.of("ycsxczxj"), true, List.of(), name, "示例", "农业、林业、水利\\扶贫", List.of("政府网站"), null, Map.of(),
                fields, false, false);
    }
}
