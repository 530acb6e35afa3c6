package gongkai.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gongkai.publishing.RecordInput;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The downloads of a dataset as a reuser gets them: a CSV that Excel reads right, an XLSX with typed cells, JSON
 * with numbers as numbers, formulas neutralised, the yearly zip, and clear answers to wrong addresses.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadTest {

    static final String ORG = "jaxzf";
    static final String DATASET = "sa-funds-" + ORG;
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?x\",\"点击领取\")";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Datasets datasets;
    @Autowired
    JsonMapper json;

    private String tricky;

    /** Publishes sa-funds records of 靖安县 with values that break naive CSV and spreadsheet writers. */
    static String publishTricky(ThreeStepReview review) {
        Staff s = Staff.of(ORG);
        List<Map<String, String>> rows = List.of(
                row("城乡低保", "中央、省级,市级配套", "-12.50", "大米\"优质\"", "100", "双溪镇\n宝峰镇", "2026年第三季度"),
                row("临时救助", HYPERLINK, "1,234.50", "+1", "12.5", "@SUM(A1:A2)", "\tcmd"),
                row("特困人员救助供养", "-2+3", "300", "", "", "全县", "2026-Q3"));
        String indexNo = review.publish(s, new RecordInput("sa-funds", ORG, "360925", "靖安县救助款物管理使用情况（下载测试）",
                "", null, LocalDate.of(2026, 10, 9), "<p>季度公开。</p>", List.of(), null, null, null, null, rows, null,
                null, "2026-Q3"));
        review.publish(s, new RecordInput("sa-funds", ORG, "360925", "靖安县救助款物管理使用情况（2025年第四季度）", "",
                null, LocalDate.of(2026, 1, 9), "<p>季度公开。</p>", List.of(), null, null, null, null,
                List.of(row("城乡低保", "县财政", "800.00", "", "", "全县", "2025年第四季度")), null, null, "2025-Q4"));
        return indexNo;
    }

    private static Map<String, String> row(String item, String source, String amount, String goods, String quantity,
            String scope, String period) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("救助项目", item);
        m.put("资金来源", source);
        m.put("金额", amount);
        m.put("物资种类", goods);
        m.put("数量", quantity);
        m.put("发放范围", scope);
        m.put("期间", period);
        return m;
    }

    @BeforeAll
    void publish() {
        tricky = publishTricky(review);
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
    }

    private Dataset dataset() {
        return datasets.require(DATASET);
    }

    private String code(String label) {
        return dataset().columns().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().code();
    }

    /** The CSV's records as commons-csv reads RFC 4180, after checking and dropping the BOM. */
    private static List<CSVRecord> csv(byte[] body) throws IOException {
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> out = new ArrayList<>(parser.getRecords());
            assertThat(parser.getHeaderNames()).isNotEmpty();
            return out;
        }
    }

    private List<CSVRecord> ours(List<CSVRecord> records, String indexColumn) {
        return records.stream().filter(r -> r.get(indexColumn).equals(tricky)).toList();
    }

    @Test
    void csvOpensInExcelWithBomQuotingAndLineBreaksInCells() throws Exception {
        MockHttpServletResponse r = fetch("/data/" + DATASET + "/download/2026.csv");
        assertThat(r.getContentType()).startsWith("text/csv");
        assertThat(r.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; ")
                .contains("filename=\"" + DATASET + "-2026.csv\"").contains("filename*=UTF-8''%E6%95%91%E5%8A%A9").contains("%E9%9D%96");
        byte[] body = r.getContentAsByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text.substring(1, text.indexOf("\r\n"))).startsWith("救助项目,资金来源,金额,");
        assertThat(text).doesNotContain(",\n").endsWith("\r\n");

        List<CSVRecord> rows = ours(csv(body), "索引号");
        assertThat(rows).hasSize(3);
        CSVRecord first = rows.get(0);
        assertThat(first.get("资金来源")).isEqualTo("中央、省级,市级配套");
        assertThat(first.get("物资种类")).isEqualTo("大米\"优质\"");
        assertThat(first.get("发放范围")).isEqualTo("双溪镇\n宝峰镇");
        assertThat(first.get("金额")).as("a negative amount is a number, not a formula").isEqualTo("-12.50");
        assertThat(first.get("发布机构")).contains("靖安县");
        CSVRecord second = rows.get(1);
        assertThat(second.get("资金来源")).isEqualTo("'" + HYPERLINK);
        assertThat(second.get("物资种类")).isEqualTo("'+1");
        assertThat(second.get("发放范围")).isEqualTo("'@SUM(A1:A2)");
        assertThat(second.get("金额")).isEqualTo("1,234.50");
        // The entry strips the tab of "\tcmd", so no tab-led value reaches a dataset; FormulaGuardTest covers it.
        assertThat(second.get("期间")).isEqualTo("cmd");
        assertThat(rows.get(2).get("资金来源")).isEqualTo("'-2+3");
        // Of 2026 only: the 2025 record is in the all-years file.
        assertThat(csv(body)).noneMatch(c -> c.get("期间").equals("2025年第四季度"));
        assertThat(csv(fetch("/data/" + DATASET + "/download/all.csv").getContentAsByteArray()))
                .anyMatch(c -> c.get("期间").equals("2025年第四季度"));
    }

    @Test
    void csvHeaderCanBeTheFieldCodes() throws Exception {
        byte[] body = fetch("/data/" + DATASET + "/download/2026.csv?header=codes").getContentAsByteArray();
        List<CSVRecord> rows = ours(csv(body), "index_no");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(code("金额"))).isEqualTo("-12.50");
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("救助项目,");
        assertThat(code("救助项目")).matches("[a-z0-9_]+");
    }

    @Test
    void xlsxHasTypedCellsAndNoFormulas() throws Exception {
        MockHttpServletResponse r = fetch("/data/" + DATASET + "/download/all.xlsx");
        assertThat(r.getContentType()).isEqualTo(DownloadFormat.XLSX.mediaType());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet data = book.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo("数据");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("说明");
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            Row head = data.getRow(0);
            Map<String, Integer> column = new HashMap<>();
            for (Cell c : head) {
                column.put(c.getStringCellValue(), c.getColumnIndex());
                assertThat(book.getFontAt(c.getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            List<Row> ours = new ArrayList<>();
            for (Row row : data) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).as("cell %s", ((XSSFCell) c).getReference())
                            .isNotEqualTo(CellType.FORMULA);
                }
                Cell index = row.getCell(column.get("索引号"));
                if (row.getRowNum() > 0 && index != null && index.getStringCellValue().equals(tricky)) {
                    ours.add(row);
                }
            }
            assertThat(ours).hasSize(3);
            Cell amount = ours.get(0).getCell(column.get("金额"));
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(-12.5);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(ours.get(1).getCell(column.get("金额")).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(ours.get(0).getCell(column.get("数量")).getNumericCellValue()).isEqualTo(100.0);
            Cell published = ours.get(0).getCell(column.get("发布日期"));
            assertThat(published.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(published)).isTrue();
            assertThat(published.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(published.getLocalDateTimeCellValue().toLocalDate().getYear()).isGreaterThanOrEqualTo(2026);
            Cell text = ours.get(0).getCell(column.get("发放范围"));
            assertThat(text.getCellType()).isEqualTo(CellType.STRING);
            assertThat(text.getStringCellValue()).isEqualTo("双溪镇\n宝峰镇");
            assertThat(ours.get(1).getCell(column.get("资金来源")).getStringCellValue()).isEqualTo("'" + HYPERLINK);
            assertThat(ours.get(1).getCell(column.get("物资种类")).getStringCellValue()).isEqualTo("'+1");
            assertThat(ours.get(1).getCell(column.get("发放范围")).getStringCellValue()).isEqualTo("'@SUM(A1:A2)");
            assertThat(ours.get(2).getCell(column.get("物资种类"))).as("an empty value is no cell").isNull();

            StringBuilder about = new StringBuilder();
            book.getSheet("说明").forEach(row -> row.forEach(c -> about.append(c.getStringCellValue()).append('|')));
            assertThat(about.toString()).contains("数据集|" + dataset().title()).contains("发布机构|靖安县")
                    .contains("许可协议|" + dataset().licence().title()).contains("/data/" + DATASET)
                    .contains("下载时间|").contains(code("金额") + "|金额|数值").contains("published_on|发布日期|日期");
        }
    }

    @Test
    void xlsxHeaderCanBeTheFieldCodes() throws Exception {
        byte[] body = fetch("/data/" + DATASET + "/download/2026.xlsx?header=codes").getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(code("救助项目"));
        }
    }

    @Test
    void jsonHasNumbersAsNumbersAndDatesAsIsoStrings() throws Exception {
        MockHttpServletResponse r = fetch("/api/v1/datasets/" + DATASET + "/download/2026.json");
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode doc = json.readTree(r.getContentAsByteArray());
        assertThat(doc.get("dataset").get("name").asString()).isEqualTo(DATASET);
        assertThat(doc.get("dataset").get("licence").get("id").asString()).isEqualTo(dataset().licence().id());
        assertThat(doc.get("columns").get(0).get("label").asString()).isEqualTo("救助项目");
        List<JsonNode> ours = new ArrayList<>();
        doc.get("rows").forEach(row -> {
            if (row.get("index_no").asString().equals(tricky)) {
                ours.add(row);
            }
        });
        assertThat(ours).hasSize(3);
        String amount = code("金额");
        assertThat(ours.get(0).get(amount).isNumber()).isTrue();
        assertThat(ours.get(0).get(amount).decimalValue()).isEqualByComparingTo("-12.50");
        assertThat(ours.get(1).get(amount).decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(ours.get(2).get(code("数量")).isNull()).isTrue();
        assertThat(ours.get(1).get(code("资金来源")).asString()).as("JSON keeps the value as published")
                .isEqualTo(HYPERLINK);
        assertThat(LocalDate.parse(ours.get(0).get("published_on").asString()).getYear()).isGreaterThanOrEqualTo(2026);
    }

    @Test
    void yearlyBulkZipHoldsEveryDatasetOfTheYear() throws Exception {
        MockHttpServletResponse r = fetch("/data/bulk/2026.zip");
        assertThat(r.getContentType()).isEqualTo("application/zip");
        Map<String, byte[]> entries = unzip(r.getContentAsByteArray());
        assertThat(entries).containsKeys("README.txt", "datasets.csv", DATASET + ".csv");
        assertThat(new String(entries.get("README.txt"), StandardCharsets.UTF_8)).contains("2026年")
                .contains(dataset().licence().title()).contains("下载时间");
        assertThat(csv(entries.get("datasets.csv"))).anyMatch(c -> c.get("数据集名称").equals(DATASET)
                && c.get("行数").equals("3") && c.get("页面地址").endsWith("/data/" + DATASET));
        assertThat(ours(csv(entries.get(DATASET + ".csv")), "索引号")).hasSize(3);
        assertThat(csv(entries.get(DATASET + ".csv"))).noneMatch(c -> c.get("期间").equals("2025年第四季度"));
        assertThat(unzip(fetch("/api/v1/datasets/bulk/2025.zip").getContentAsByteArray()).get(DATASET + ".csv"))
                .isNotNull();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void unchangedDownloadsAnswerNotModified() throws Exception {
        MockHttpServletResponse r = fetch("/data/" + DATASET + "/download/all.csv");
        String etag = r.getHeader(HttpHeaders.ETAG);
        String lastModified = r.getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).startsWith("W/\"").contains(DATASET);
        mvc.perform(get("/data/" + DATASET + "/download/all.csv").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/data/" + DATASET + "/download/all.csv").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .andExpect(status().isNotModified());
        mvc.perform(get("/data/" + DATASET + "/download/all.csv?header=codes").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isOk());
        String bulk = fetch("/data/bulk/2026.zip").getHeader(HttpHeaders.ETAG);
        mvc.perform(get("/data/bulk/2026.zip").header(HttpHeaders.IF_NONE_MATCH, bulk))
                .andExpect(status().isNotModified());
    }

    @Test
    void wrongAddressesAreAnsweredWithWhatIsWrong() throws Exception {
        mvc.perform(get("/data/no-such-set/download/all.csv")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有名为“no-such-set”的数据集")));
        mvc.perform(get("/api/v1/datasets/no-such-set/download/all.csv")).andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("no-such-set")));
        mvc.perform(get("/data/" + DATASET + "/download/latest.csv")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("下载范围“latest”无效")));
        mvc.perform(get("/api/v1/datasets/" + DATASET + "/download/2026.pdf")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("不支持的下载格式“pdf”")));
        mvc.perform(get("/api/v1/datasets/" + DATASET + "/download/2019.csv")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("没有2019年的数据")))
                .andExpect(jsonPath("$.detail").value(containsString("2026、2025")));
        mvc.perform(get("/api/v1/datasets/" + DATASET + "/download/2026.csv?header=pinyin"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("header 的值“pinyin”无效")));
        mvc.perform(get("/data/bulk/1999.zip")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("1999年没有公开的数据集数据")));
        mvc.perform(get("/api/v1/datasets/bulk/latest.zip")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("/data/bulk/")));
    }
}
