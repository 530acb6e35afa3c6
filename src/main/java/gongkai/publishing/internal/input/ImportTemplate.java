package gongkai.publishing.internal.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;

/**
 * Builds the XLSX an office downloads, fills and uploads again for an item's structured data. Its first sheet reads:
 * the header (each column's label, with its unit and "（必填）"), a row of each column's rule and a sample row, both
 * marked in their first cell so that the import passes over them; drop-down lists on choice columns; number and
 * date formats. A second sheet "填写说明" explains the same at length.
 */
final class ImportTemplate {

    static final String GUIDE_SHEET = "填写说明";
    static final String REQUIRED_MARK = "（必填）";
    /** Marks the row of rules; a row whose first cell starts with it is not data. */
    static final String RULES_MARK = "【填写规则】";
    /** Marks the sample row; a row whose first cell starts with it is not data. */
    static final String SAMPLE_MARK = "【示例】";
    /** How an amount's heading carries its unit. */
    static final String YUAN = "（元）";
    /** The rows above the first data row: header, rules, sample. */
    static final int FIRST_DATA_ROW = 3;

    /** Excel refuses a drop-down list whose choices add up to more characters than this. */
    private static final int MAX_LIST_LENGTH = 255;

    private ImportTemplate() {
    }

    static byte[] build(CatalogItem item, int maxRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            writeDataSheet(workbook, styles, item, maxRows);
            writeGuide(workbook, styles, item, maxRows);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the import template of " + item.code(), e);
        }
    }

    /** A column's heading: its name, the unit of an amount, and whether it is required. */
    static String heading(CatalogField field) {
        return field.name() + (field.type() == FieldType.AMOUNT ? YUAN : "") + (field.required() ? REQUIRED_MARK : "");
    }

    /** A column's rule in one cell: type, required or not, then its choices or the form its values take. */
    static String rule(CatalogField field) {
        List<String> parts = new ArrayList<>();
        parts.add(field.type().label());
        parts.add(field.required() ? "必填" : "选填");
        if (field.type() == FieldType.CHOICE) {
            parts.add("从下拉列表中选：" + String.join("/", field.choices()));
        }
        parts.addAll(notes(field));
        return String.join("；", parts);
    }

    private record Styles(CellStyle header, CellStyle text, CellStyle date, CellStyle amount, CellStyle note,
            CellStyle sampleDate, CellStyle sampleAmount) {
        Styles(XSSFWorkbook workbook) {
            this(headerStyle(workbook), formatStyle(workbook, "@"), formatStyle(workbook, "yyyy-mm-dd"),
                    formatStyle(workbook, "0.00"), noteStyle(workbook, "@"), noteStyle(workbook, "yyyy-mm-dd"),
                    noteStyle(workbook, "0.00"));
        }

        private static CellStyle headerStyle(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle style = workbook.createCellStyle();
            style.setFont(bold);
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            style.setWrapText(true);
            return style;
        }

        private static CellStyle formatStyle(XSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        /** Rules and sample in grey italics, so that they read as guidance, not as data. */
        private static CellStyle noteStyle(XSSFWorkbook workbook, String format) {
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            CellStyle style = formatStyle(workbook, format);
            style.setFont(grey);
            style.setWrapText(true);
            style.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            return style;
        }
    }

    private static void writeDataSheet(XSSFWorkbook workbook, Styles styles, CatalogItem item, int maxRows) {
        String sheetName = item.name() == null || item.name().isBlank() ? "数据" : item.name();
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
        Row header = sheet.createRow(0);
        Row rules = sheet.createRow(1);
        Row sample = sheet.createRow(2);
        List<CatalogField> fields = item.fields();
        for (int column = 0; column < fields.size(); column++) {
            CatalogField field = fields.get(column);
            String title = heading(field);
            var cell = header.createCell(column);
            cell.setCellValue(title);
            cell.setCellStyle(styles.header());
            var ruleCell = rules.createCell(column);
            ruleCell.setCellValue((column == 0 ? RULES_MARK : "") + rule(field));
            ruleCell.setCellStyle(styles.note());
            writeSample(sample.createCell(column), field, column == 0, styles);
            sheet.setColumnWidth(column, Math.min(60, Math.max(16, displayWidth(title) + 4)) * 256);
            CellStyle columnStyle = columnStyle(styles, field.type());
            if (columnStyle != null) {
                sheet.setDefaultColumnStyle(column, columnStyle);
            }
            if (field.type() == FieldType.CHOICE) {
                addChoiceList(sheet, column, field.choices(), maxRows);
            }
        }
        sheet.createFreezePane(0, 2);
    }

    /** The sample's value as a typed cell (a number, a date) where the type has one, so it shows the format. */
    private static void writeSample(Cell cell, CatalogField field, boolean first, Styles styles) {
        cell.setCellStyle(styles.note());
        if (first) {
            cell.setCellValue(SAMPLE_MARK + sampleText(field));
            return;
        }
        switch (field.type()) {
            case INTEGER -> cell.setCellValue(3);
            case QUANTITY -> cell.setCellValue(12.5);
            case YEAR -> cell.setCellValue(2026);
            case AMOUNT -> {
                cell.setCellValue(12000.5);
                cell.setCellStyle(styles.sampleAmount());
            }
            case DATE -> {
                cell.setCellValue(LocalDate.of(2026, 11, 27));
                cell.setCellStyle(styles.sampleDate());
            }
            default -> cell.setCellValue(sampleText(field));
        }
    }

    /** A value of the field's type that its check accepts. */
    static String sampleText(CatalogField field) {
        return switch (field.type()) {
            case TEXT -> field.personal() ? "张三" : "示例文字";
            case INTEGER -> "3";
            case QUANTITY -> "12.5";
            case AMOUNT -> "12000.50";
            case DATE -> "2026-11-27";
            case YEAR -> "2026";
            case PERIOD -> "2026-10";
            case DATE_RANGE -> "2026-11-01至2026-11-10";
            case PHONE -> "0795-3201234";
            case CREDIT_CODE -> "91360900MA35X2K7DU";
            case CHOICE -> field.choices().isEmpty() ? "" : field.choices().get(0);
            case INDEX_NUMBERS -> "ycsmzj/2026-00001";
        };
    }

    /**
     * Text columns are formatted as text so that Excel keeps leading zeros of telephone numbers and does not turn
     * "1-2" into a date; date and amount columns show the form the import expects.
     */
    private static CellStyle columnStyle(Styles styles, FieldType type) {
        return switch (type) {
            case TEXT, PERIOD, DATE_RANGE, PHONE, CREDIT_CODE, CHOICE, INDEX_NUMBERS -> styles.text();
            case DATE -> styles.date();
            case AMOUNT -> styles.amount();
            case INTEGER, QUANTITY, YEAR -> null;
        };
    }

    private static void addChoiceList(Sheet sheet, int column, List<String> choices, int maxRows) {
        boolean listable = !choices.isEmpty()
                && String.join(",", choices).length() <= MAX_LIST_LENGTH
                && choices.stream().noneMatch(c -> c.contains(",") || c.contains("\""));
        if (!listable) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createExplicitListConstraint(choices.toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(FIRST_DATA_ROW, FIRST_DATA_ROW + maxRows - 1, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("取值有误", "请从下拉列表中选择：" + String.join("、", choices));
        sheet.addValidationData(validation);
    }
    private static void writeGuide(XSSFWorkbook workbook, Styles styles, CatalogItem item, int maxRows) {
        Sheet guide = workbook.createSheet(GUIDE_SHEET);
        List<String> titles = List.of("数据项", "类型", "是否必填", "可选值", "说明");
        Row header = guide.createRow(0);
        for (int column = 0; column < titles.size(); column++) {
            var cell = header.createCell(column);
            cell.setCellValue(titles.get(column));
            cell.setCellStyle(styles.header());
        }
        int rowIndex = 1;
        for (CatalogField field : item.fields()) {
            Row row = guide.createRow(rowIndex++);
            row.createCell(0).setCellValue(field.name());
            row.createCell(1).setCellValue(field.type().label());
            row.createCell(2).setCellValue(field.required() ? "是" : "否");
            row.createCell(3).setCellValue(String.join("、", field.choices()));
            row.createCell(4).setCellValue(String.join("；", notes(field)));
        }
        rowIndex++;
        List<String> rules = List.of(
                "填写要求：",
                "1. 在第一个工作表“" + workbook.getSheetName(0) + "”中填写：第一行是表头，请勿修改；第二行是各列的填写规则，第三行是示例，"
                        + "这两行导入时自动跳过（也可以删除）；从第四行起每行一条记录。",
                "2. 表头标有“" + REQUIRED_MARK + "”的列每行都要填写；其余的列可以留空，也可以删除。",
                "3. 日期写作 2026-11-27；金额以元为单位，最多两位小数；选项只能填“可选值”中的一项。",
                "4. 一个文件最多 " + maxRows + " 行。任何一处有误时整个文件都不导入，并列出所有有误的行和列，改正后重新上传即可。",
                "5. 也可以另存为 CSV（逗号分隔）文件上传，表头和填写要求相同。");
        for (String rule : rules) {
            guide.createRow(rowIndex++).createCell(0).setCellValue(rule);
        }
        int[] widths = {24, 18, 10, 30, 50};
        for (int column = 0; column < widths.length; column++) {
            guide.setColumnWidth(column, widths[column] * 256);
        }
    }

    private static List<String> notes(CatalogField field) {
        List<String> notes = new ArrayList<>();
        switch (field.type()) {
            case DATE -> notes.add("格式如 2026-11-27");
            case DATE_RANGE -> notes.add("格式如 2026-11-01至2026-11-10");
            case YEAR -> notes.add("四位年份，如 2026");
            case AMOUNT -> notes.add("以元为单位，最多两位小数");
            case PHONE -> notes.add("如 0795-3201234 或 13907951234");
            case CREDIT_CODE -> notes.add("18位统一社会信用代码");
            case INDEX_NUMBERS -> notes.add("已发布信息的索引号，多个用“、”分隔");
            default -> {
            }
        }
        if (field.unitField() != null) {
            notes.add("计量单位填在“" + field.unitField() + "”列");
        }
        if (field.personal()) {
            notes.add("涉及个人信息，对外公开时按规定遮蔽");
        }
        return notes;
    }

    /** Columns are measured in Latin characters; a Chinese character takes two. */
    private static int displayWidth(String text) {
        return text.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
    }
}
