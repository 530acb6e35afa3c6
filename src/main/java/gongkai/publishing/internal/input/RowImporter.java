package gongkai.publishing.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Component;

import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.shared.sheet.SheetRow;
import gongkai.shared.sheet.Sheets;
import gongkai.shared.sheet.UnreadableSheetException;

/**
 * Reads the structured data of a catalogue item (结构化数据) from an uploaded XLSX or CSV sheet, checked against
 * the item's schema. All or nothing: one bad cell refuses the whole file, and the answer lists every bad row and
 * cell so that the office can correct them in one pass.
 */
@Component
public class RowImporter {

    /** The most data rows one file may carry. */
    public static final int MAX_ROWS = 10_000;
    /** The largest file read; a full sheet of {@link #MAX_ROWS} rows is far smaller. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final int SHOWN_VALUE_LENGTH = 40;

    /**
     * Reads the first sheet of an XLSX workbook or a CSV file (told apart by content, not by name) whose first
     * non-empty row is the header. Columns are matched to the item's fields by name; a trailing "（必填）" or "*" on
     * a header is ignored, and optional columns may be left out. The caller closes the stream.
     */
    public RowImport parse(String filename, InputStream content, CatalogItem item) {
        String name = AttachmentStorage.sanitiseName(filename);
        byte[] bytes;
        try {
            bytes = content.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload " + name, e);
        }
        if (bytes.length > MAX_BYTES) {
            return failed(0, "文件“" + name + "”超过了 " + AttachmentStorage.describeSize(MAX_BYTES)
                    + " 的上限，请分成几个文件导入。");
        }
        if (bytes.length == 0) {
            return failed(0, "文件“" + name + "”是空文件。");
        }
        if (!item.hasSchema()) {
            return failed(0, "事项“" + item.name() + "”没有结构化数据项，不能导入表格。");
        }
        try {
            return check(read(name, bytes), item);
        } catch (UnreadableSheetException e) {
            return failed(e.row(), e.getMessage());
        }
    }

    /**
     * An XLSX template for the item: the header row (amounts' unit, required fields marked "（必填）"), a row of
     * rules and a sample row (both passed over on import), drop-down lists and formats, and a second sheet
     * "填写说明" with each field's type, whether it is required and its choices.
     */
    public byte[] template(CatalogItem item) {
        return ImportTemplate.build(item, MAX_ROWS);
    }

    /** A header as written, without the marks of a required column and the unit of an amount. */
    static String headerName(String header) {
        String name = header.replace("\uFEFF", "").strip();
        boolean changed = true;
        while (changed && !name.isEmpty()) {
            changed = false;
            for (String mark : List.of(ImportTemplate.REQUIRED_MARK, "(必填)", "*", "＊",
                    ImportTemplate.YUAN, "(元)")) {
                if (name.endsWith(mark)) {
                    name = name.substring(0, name.length() - mark.length()).strip();
                    changed = true;
                }
                if (name.startsWith(mark)) {
                    name = name.substring(mark.length()).strip();
                    changed = true;
                }
            }
        }
        return name;
    }

    private static List<SheetRow> read(String name, byte[] bytes) throws UnreadableSheetException {
        // Read one row past the limit (beside the header and the template's two guidance rows) so that a file over
        // it is recognised.
        return Sheets.read(name, bytes, MAX_ROWS + 4, "请下载本事项的导入模板，填写后上传。");
    }

    private static RowImport check(List<SheetRow> sheet, CatalogItem item) {
        if (sheet.isEmpty()) {
            return failed(0, "表格是空的，没有表头也没有数据。请下载本事项的导入模板，填写后上传。");
        }
        List<CatalogField> fields = item.fields();
        String fieldNames = fields.stream().map(CatalogField::name).collect(Collectors.joining("、"));
        SheetRow header = sheet.get(0);
        int headerRow = header.number();

        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        Set<Integer> named = new TreeSet<>();
        for (int column = 0; column < header.cells().size(); column++) {
            String title = headerName(header.cell(column));
            if (title.isEmpty()) {
                continue;
            }
            named.add(column);
            CatalogField field = fields.stream().filter(f -> f.name().equals(title)).findFirst().orElse(null);
            if (field == null) {
                errors.add(new RowError(headerRow, title, "未知的列“" + title + "”。本事项的数据项为：" + fieldNames + "。"));
            } else if (columnOf.containsKey(title)) {
                errors.add(new RowError(headerRow, title, "列“" + title + "”出现了不止一次。"));
            } else {
                columnOf.put(title, column);
            }
        }
        if (columnOf.isEmpty()) {
            return failed(headerRow, "第" + headerRow + "行应为表头，写明各列的数据项名称：" + fieldNames + "。");
        }
        for (CatalogField field : fields) {
            if (field.required() && !columnOf.containsKey(field.name())) {
                errors.add(new RowError(headerRow, field.name(), "缺少必填列“" + field.name() + "”。"));
            }
        }

        // The template's rules and sample rows are guidance, wherever the office left them.
        List<SheetRow> data = sheet.subList(1, sheet.size()).stream().filter(row -> !guidance(row)).toList();
        if (data.isEmpty()) {
            errors.add(new RowError(0, null, "表格只有表头，没有数据行。"));
            return RowImport.failed(errors);
        }
        if (data.size() > MAX_ROWS) {
            errors.add(new RowError(0, null, "数据超过了 " + MAX_ROWS + " 行的上限，请分成几个文件导入。"));
            return RowImport.failed(errors);
        }
        errors.addAll(unnamedColumnsWithData(headerRow, data, named));

        List<Map<String, String>> rows = new ArrayList<>();
        for (SheetRow row : data) {
            Map<String, String> values = new LinkedHashMap<>();
            for (CatalogField field : fields) {
                Integer column = columnOf.get(field.name());
                String value = column == null ? "" : row.cell(column);
                checkCell(row, column, field, value).ifPresent(errors::add);
                values.put(field.name(), value);
            }
            rows.add(values);
        }
        return errors.isEmpty() ? new RowImport(rows, List.of()) : RowImport.failed(errors);
    }

    private static Optional<RowError> checkCell(SheetRow row, Integer column, CatalogField field,
            String value) {
        String name = field.name();
        if (column != null && row.formulaErrors().contains(column)) {
            return Optional.of(new RowError(row.number(), name,
                    "“" + name + "”的公式计算出错（" + value + "），请改正公式或直接填写数值。"));
        }
        if (value.isEmpty()) {
            // A missing required column is reported once, at the header, not in every row.
            return field.required() && column != null
                    ? Optional.of(new RowError(row.number(), name, "“" + name + "”为必填项，不能为空。"))
                    : Optional.empty();
        }
        return field.type().check(value, field.choices())
                .map(problem -> new RowError(row.number(), name,
                        "“" + name + "”" + problem + "，现为“" + shorten(value) + "”。"));
    }

    private static boolean guidance(SheetRow row) {
        String first = row.cell(0).strip();
        return first.startsWith(ImportTemplate.RULES_MARK) || first.startsWith(ImportTemplate.SAMPLE_MARK);
    }

    /** Data under a column without a header (or right of the last header) would be lost silently: say so. */
    private static List<RowError> unnamedColumnsWithData(int headerRow, List<SheetRow> data, Set<Integer> named) {
        Set<Integer> unnamed = new TreeSet<>();
        for (SheetRow row : data) {
            for (int column = 0; column < row.cells().size(); column++) {
                if (!named.contains(column) && !row.cell(column).isEmpty()) {
                    unnamed.add(column);
                }
            }
        }
        return unnamed.stream()
                .map(column -> new RowError(headerRow, null, CellReference.convertNumToColString(column)
                        + "列有数据，但表头没有列名。请填写列名，或删除该列。"))
                .toList();
    }

    private static String shorten(String value) {
        return value.length() <= SHOWN_VALUE_LENGTH ? value : value.substring(0, SHOWN_VALUE_LENGTH) + "…";
    }


    private static RowImport failed(int row, String message) {
        return RowImport.failed(List.of(new RowError(row, null, message)));
    }
}
