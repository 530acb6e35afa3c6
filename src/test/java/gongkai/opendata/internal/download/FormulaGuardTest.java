package gongkai.opendata.internal.download;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import gongkai.opendata.ColumnType;
import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetColumn;
import gongkai.opendata.Licence;
import gongkai.opendata.UpdateFrequency;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule against formula injection, and the writers' handling of values and of Excel's limits. */
class FormulaGuardTest {

    @Test
    void textThatCouldStartAFormulaGetsAnApostrophe() {
        for (String risky : List.of("=1+1", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "＝1+1", "＋1", "－1", "＠SUM(A1)")) {
            assertThat(FormulaGuard.risky(risky)).as(risky).isTrue();
            assertThat(FormulaGuard.neutralise(risky)).isEqualTo("'" + risky);
        }
        for (String plain : List.of("", "城乡低保", "1+1=2", "'=already", " =spaced", "12.50", "（一）")) {
            assertThat(FormulaGuard.neutralise(plain)).as(plain).isEqualTo(plain);
        }
        assertThat(FormulaGuard.neutralise(null)).isNull();
    }

    @Test
    void numbersOfNumericColumnsReadAsNumbersAndNothingElseDoes() {
        assertThat(CellValues.number("-12.50")).isEqualByComparingTo("-12.5");
        assertThat(CellValues.number("1,234,567.80")).isEqualByComparingTo("1234567.8");
        assertThat(CellValues.number(" 300 ")).isEqualByComparingTo("300");
        for (String not : List.of("+1", "1,23", "12.5.1", "1e5", "=1", "", "约300", "***")) {
            assertThat(CellValues.number(not)).as(not).isNull();
        }
        assertThat(CellValues.date("2026-07-01")).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(CellValues.date("2026年7月1日")).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(CellValues.date("2026-02-30")).isNull();
        assertThat(CellValues.date("下半年")).isNull();
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndNeutralisesTextOnly() throws Exception {
        List<DatasetColumn> columns = List.of(new DatasetColumn("a", "文本", ColumnType.TEXT, false),
                new DatasetColumn("b", "金额", ColumnType.DECIMAL, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter w = new CsvTableWriter(out, columns, HeaderForm.CODES);
        w.begin();
        w.accept(List.of("a,\"b\"\nc", "-12.50"));
        w.accept(List.of("=1+1", "-1+1"));
        w.end(2);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFa,b\r\n\"a,\"\"b\"\"\nc\",-12.50\r\n'=1+1,'-1+1\r\n");
    }

    @Test
    void xlsxRowsGoOnInANextSheetAndLongTextIsCutAtExcelsLimit() throws Exception {
        List<DatasetColumn> columns = List.of(new DatasetColumn("n", "数量", ColumnType.INTEGER, false),
                new DatasetColumn("t", "说明文字", ColumnType.TEXT, false));
        Dataset dataset = new Dataset("x-y", "测试数据集", "", "x", "测试", "d", "领域", "y", "测试机构", null, null, null,
                List.of(), new Licence("cc-by-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
                UpdateFrequency.IRREGULAR, null, null, Instant.now(), Instant.now(), 5, 1, Map.of(), columns, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTableWriter w = new XlsxTableWriter(out, columns, HeaderForm.LABELS,
                new DownloadInfo(dataset, null, "http://localhost/data/x-y", Instant.now()), 3);
        w.begin();
        for (int i = 1; i <= 5; i++) {
            w.accept(List.of(Integer.toString(i), i == 5 ? "长".repeat(XlsxTableWriter.MAX_CELL + 10) : "@" + i));
        }
        w.end(5);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("数据（2）");
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("数量");
            assertThat(book.getSheetAt(2).getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(book.getSheetAt(2).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(5.0);
            assertThat(book.getSheetAt(2).getRow(1).getCell(1).getStringCellValue()).hasSize(XlsxTableWriter.MAX_CELL);
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("'@1");
            assertThat(book.getSheetAt(3).getSheetName()).isEqualTo("说明");
            StringBuilder about = new StringBuilder();
            book.getSheetAt(3).forEach(r -> r.forEach(c -> about.append(c.getStringCellValue()).append('|')));
            assertThat(about.toString()).contains("3 个工作表").contains("1 个单元格超过");
        }
    }
}
