package gongkai.opendata.internal.download;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import gongkai.opendata.ColumnType;
import gongkai.opendata.DatasetColumn;

/**
 * XLSX with typed cells, streamed: POI's SXSSF keeps a small window of rows in memory and flushes the rest to a
 * compressed temporary file, deleted when the download is written. Numbers of numeric columns are numeric cells (with
 * the decimals they were published with), dates of date columns date cells shown as yyyy-mm-dd, everything else text
 * through {@link FormulaGuard}. The header row is bold and frozen. Excel's limits hold: a cell keeps at most 32,767
 * characters (the rest is cut, and the sheet 说明 says how many cells were), a sheet 1,048,576 rows (the rows go on in
 * a next sheet, under the same header). The sheet 说明 comes after the data: title, publisher, licence, source, the
 * columns and the time of the download.
 */
final class XlsxTableWriter extends TableWriter {

    /** Rows of a sheet kept in memory before they go to the temporary file. */
    private static final int WINDOW = 100;
    static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    /** Beyond 15 significant digits a spreadsheet's double changes the number: such a value stays text. */
    private static final int MAX_DIGITS = 15;
    static final String DATA_SHEET = "数据";
    static final String ABOUT_SHEET = "说明";

    private final OutputStream out;
    private final List<DatasetColumn> columns;
    private final HeaderForm header;
    private final DownloadInfo info;
    private final int rowsPerSheet;
    private final SXSSFWorkbook book;
    private final CellStyle bold;
    private final CellStyle date;
    private final CellStyle integer;
    private final CellStyle[] decimals = new CellStyle[7];
    private final ColumnType[] types;

    private SXSSFSheet sheet;
    private int sheets;
    private int nextRow;
    private long truncated;

    XlsxTableWriter(OutputStream out, List<DatasetColumn> columns, HeaderForm header, DownloadInfo info) {
        this(out, columns, header, info, MAX_ROWS);
    }

    /** With fewer rows to a sheet than Excel's limit, so that a test can see the rows go on in the next sheet. */
    XlsxTableWriter(OutputStream out, List<DatasetColumn> columns, HeaderForm header, DownloadInfo info,
            int rowsPerSheet) {
        this.out = out;
        this.columns = columns;
        this.header = header;
        this.info = info;
        this.rowsPerSheet = rowsPerSheet;
        this.book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(true);
        DataFormat formats = book.createDataFormat();
        Font font = book.createFont();
        font.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(font);
        date = book.createCellStyle();
        date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        integer = book.createCellStyle();
        integer.setDataFormat(formats.getFormat("0"));
        for (int scale = 0; scale < decimals.length; scale++) {
            decimals[scale] = book.createCellStyle();
            decimals[scale].setDataFormat(formats.getFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale)));
        }
        types = columns.stream().map(DatasetColumn::type).toArray(ColumnType[]::new);
    }

    @Override
    void begin() {
        nextSheet();
    }

    @Override
    public void accept(List<String> values) {
        if (nextRow >= rowsPerSheet) {
            nextSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < types.length; i++) {
            String v = value(values, i);
            if (v.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (types[i]) {
                case INTEGER, DECIMAL -> number(cell, v, types[i]);
                case DATE -> {
                    LocalDate d = CellValues.date(v);
                    if (d != null) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        text(cell, v);
                    }
                }
                default -> text(cell, v);
            }
        }
    }

    @Override
    void end(long rows) throws IOException {
        try {
            about(rows);
            book.write(out);
            out.flush();
        } finally {
            book.close();
            // The temporary files of the flushed rows.
            book.dispose();
        }
    }

    /** Releases the temporary files of a download that failed before its end. */
    void abandon() {
        try {
            book.close();
        } catch (IOException e) {
            // Nothing was written that a reader would miss; the files are what matters.
        }
        book.dispose();
    }

    private void number(Cell cell, String v, ColumnType type) {
        BigDecimal n = CellValues.number(v);
        if (n == null || n.precision() > MAX_DIGITS) {
            text(cell, v);
            return;
        }
        cell.setCellValue(n.doubleValue());
        int scale = Math.max(0, n.scale());
        cell.setCellStyle(type == ColumnType.INTEGER && scale == 0 ? integer
                : decimals[Math.min(scale, decimals.length - 1)]);
    }

    private void text(Cell cell, String v) {
        String safe = FormulaGuard.neutralise(v);
        if (safe.length() > MAX_CELL) {
            int end = MAX_CELL;
            if (Character.isHighSurrogate(safe.charAt(end - 1))) {
                end--;
            }
            safe = safe.substring(0, end);
            truncated++;
        }
        cell.setCellValue(safe);
    }

    private void nextSheet() {
        sheets++;
        sheet = book.createSheet(sheets == 1 ? DATA_SHEET : DATA_SHEET + "（" + sheets + "）");
        Row head = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = head.createCell(i);
            String label = header.of(columns.get(i));
            c.setCellValue(label);
            c.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.min(80, Math.max(10, width(label) + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        nextRow = 1;
    }

    private void about(long rows) {
        SXSSFSheet about = book.createSheet(ABOUT_SHEET);
        about.setColumnWidth(0, 16 * 256);
        about.setColumnWidth(1, 60 * 256);
        about.setColumnWidth(2, 12 * 256);
        int r = 0;
        var d = info.dataset();
        r = pair(about, r, "数据集", d.title());
        r = pair(about, r, "数据集名称", d.name());
        r = pair(about, r, "发布机构", d.orgName());
        r = pair(about, r, "领域", d.domainName());
        r = pair(about, r, "范围", info.scopeText());
        r = pair(about, r, "行数", Long.toString(rows));
        r = pair(about, r, "许可协议", d.licence().title() + " " + d.licence().url());
        r = pair(about, r, "来源", info.source());
        r = pair(about, r, "数据更新时间", DownloadInfo.beijing(d.modified()));
        r = pair(about, r, "下载时间", DownloadInfo.beijing(info.at()));
        if (d.demo()) {
            r = pair(about, r, "示例数据", "本数据集含演示用的虚构数据（示例数据），不是真实信息。");
        }
        if (sheets > 1) {
            r = pair(about, r, "分表", "数据超过 Excel 每表 " + MAX_ROWS + " 行的上限，依次分在 " + sheets + " 个工作表中。");
        }
        if (truncated > 0) {
            r = pair(about, r, "截断", truncated + " 个单元格超过 Excel 每格 " + MAX_CELL
                    + " 个字符的上限，超出部分已截去；完整内容请下载 CSV 或 JSON。");
        }
        r = pair(about, r, "公式防护", "以 = + - @ 或制表符、回车开头的文字前加了单引号 '，以免电子表格把它当作公式执行。");
        r++;
        Row head = about.createRow(r++);
        String[] titles = {"字段代码", "中文名称", "类型"};
        for (int i = 0; i < titles.length; i++) {
            Cell c = head.createCell(i);
            c.setCellValue(titles[i]);
            c.setCellStyle(bold);
        }
        for (DatasetColumn c : columns) {
            Row row = about.createRow(r++);
            row.createCell(0).setCellValue(c.code());
            row.createCell(1).setCellValue(FormulaGuard.neutralise(c.label()));
            row.createCell(2).setCellValue(typeText(c.type()));
        }
    }

    private int pair(SXSSFSheet about, int r, String label, String value) {
        Row row = about.createRow(r);
        Cell l = row.createCell(0);
        l.setCellValue(label);
        l.setCellStyle(bold);
        row.createCell(1).setCellValue(FormulaGuard.neutralise(value == null ? "" : value));
        return r + 1;
    }

    static String typeText(ColumnType type) {
        return switch (type) {
            case TEXT -> "文本";
            case INTEGER -> "整数";
            case DECIMAL -> "数值";
            case DATE -> "日期";
        };
    }

    /** Characters as a spreadsheet column measures them: a Chinese character is two. */
    private static int width(String s) {
        return s.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
    }
}
