package gongkai.shared.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook as text, streaming, so that a huge sheet is not held in memory: numbers
 * as written (no spurious ".0", the decimals the format shows), dates as ISO {@code yyyy-MM-dd}, formulas by their
 * cached value.
 */
final class XlsxSheet {

    /** Excel keeps 15 significant digits; beyond them a double only carries binary noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    /**
     * The most bytes the parts of one workbook may unpack to, counted by actually inflating them before POI opens
     * the package (which holds every part in memory). A full import of ten thousand rows is far
     * smaller; a "zip bomb" of a few MB that unpacks to gigabytes is refused here, whatever its compression ratio.
     */
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private XlsxSheet() {
    }

    /**
     * The non-empty rows of the first sheet, stopping once {@code stopAfter} of them have been read.
     *
     * @throws UnreadableSheetException when the bytes are not a readable XLSX workbook
     */
    static List<SheetRow> read(String name, byte[] bytes, int stopAfter) throws UnreadableSheetException {
        checkUnpackedSize(name, bytes);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = isDate1904(reader);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return List.of();
            }
            SheetHandler handler = new SheetHandler(strings, styles, date1904, stopAfter);
            try (InputStream sheet = sheets.next()) {
                parse(sheet, handler);
            } catch (EnoughRows e) {
                // The caller has all the rows it can use.
            } catch (CellTooLong e) {
                throw new UnreadableSheetException(e.row, "文件“" + name + "”" + SheetRow.cellTooLong(e.row));
            }
            return handler.rows;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            throw new UnreadableSheetException(0, "文件“" + name + "”无法作为 XLSX 表格读取：文件可能已损坏，或不是 Excel 工作簿。");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    private static void parse(InputStream xml, ContentHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(xml));
    }

    /** Whether dates count from 1904 (old Excel for Mac) instead of 1900. */
    private static boolean isDate1904(XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        boolean[] date1904 = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            parse(workbook, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
        }
        return date1904[0];
    }

    private static void checkUnpackedSize(String name, byte[] bytes) throws UnreadableSheetException {
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true,
                true)) {
            while (zip.getNextEntry() != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new UnreadableSheetException(0, "文件“" + name + "”解压后超过了 "
                                + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB 的上限，内容过大，无法读取。"
                                + "请检查文件，或分成几个较小的文件导入。");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSheetException(0, "文件“" + name + "”无法作为 XLSX 表格读取：文件可能已损坏，或不是 Excel 工作簿。");
        }
    }

    /** Thrown when a cell holds more than {@link SheetRow#MAX_CELL_CHARS} characters. */
    private static final class CellTooLong extends SAXException {

        private final int row;

        CellTooLong(int row) {
            this.row = row;
        }
    }

    /** Thrown to stop parsing once enough rows are read. */
    private static final class EnoughRows extends SAXException {
    }

    private static final class SheetHandler extends DefaultHandler {

        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final int stopAfter;
        private final List<SheetRow> rows = new ArrayList<>();

        private int rowNumber;
        private List<String> cells;
        private Set<Integer> errors;
        private int column;
        private String type;
        private String style;
        private boolean inValue;
        private boolean inInlineString;
        private boolean inInlineText;
        private boolean inPhonetic;
        private final StringBuilder value = new StringBuilder();

        SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, int stopAfter) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.stopAfter = stopAfter;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    errors = new HashSet<>();
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : new CellReference(r).getCol();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "is" -> inInlineString = true;
                case "t" -> inInlineText = inInlineString;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "is" -> inInlineString = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> endCell();
                case "row" -> endRow();
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws CellTooLong {
            if (inValue || (inInlineText && !inPhonetic)) {
                if (value.length() + length > SheetRow.MAX_CELL_CHARS) {
                    throw new CellTooLong(rowNumber);
                }
                value.append(ch, start, length);
            }
        }

        private void endCell() throws CellTooLong {
            if (column < 0 || column >= SheetRow.MAX_COLUMNS) {
                return;
            }
            String raw = value.toString();
            String text = switch (type == null ? "n" : type) {
                case "s" -> raw.isBlank() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "inlineStr", "str" -> raw;
                case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
                case "e" -> {
                    errors.add(column);
                    yield raw;
                }
                case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
                default -> raw.isBlank() ? "" : number(Double.parseDouble(raw.strip()));
            };
            if (text != null && text.length() > SheetRow.MAX_CELL_CHARS) {
                throw new CellTooLong(rowNumber);
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, text == null ? "" : text.strip());
        }

        private void endRow() throws EnoughRows {
            if (!SheetRow.isBlank(cells) || !errors.isEmpty()) {
                rows.add(new SheetRow(rowNumber, cells, errors));
                if (rows.size() >= stopAfter) {
                    throw new EnoughRows();
                }
            }
        }

        private String number(double number) {
            int formatIndex = 0;
            String format = null;
            if (styles != null && style != null && !style.isBlank()) {
                XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style.strip()));
                if (cellStyle != null) {
                    formatIndex = cellStyle.getDataFormat();
                    format = cellStyle.getDataFormatString();
                }
            }
            return formatNumber(number, formatIndex, format, date1904);
        }
    }

    /** A numeric cell's text: a date or time when its format is one, else the number as the format shows it. */
    static String formatNumber(double number, int formatIndex, String format, boolean date1904) {
        if (isDateFormat(formatIndex, format) && DateUtil.isValidExcelDate(number)) {
            LocalDateTime time = DateUtil.getLocalDateTime(number, date1904, true);
            if (number < 1) {
                return time.toLocalTime().format(TIME);
            }
            return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.format(DATE_TIME);
        }
        if (format != null && format.contains("%")) {
            return new DataFormatter().formatRawCellContents(number, formatIndex, format);
        }
        BigDecimal value = new BigDecimal(number, EXCEL_PRECISION).stripTrailingZeros();
        int shown = decimalsShown(format);
        if (value.scale() < shown) {
            value = value.setScale(shown);
        }
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /**
     * Besides the formats POI recognises, the ids 27–36 and 50–58 are the date and time formats Excel builds in for
     * Chinese (yyyy"年"m"月"d"日" and the like); files from a Chinese Excel refer to them without spelling them out.
     */
    private static boolean isDateFormat(int formatIndex, String format) {
        if ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)) {
            return true;
        }
        return format != null && DateUtil.isADateFormat(formatIndex, format);
    }

    /** How many decimals the first section of a number format shows: {@code #,##0.00} shows two. */
    static int decimalsShown(String format) {
        if (format == null) {
            return 0;
        }
        StringBuilder plain = new StringBuilder();
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '[') {
                bracket = true;
            } else if (c == ']') {
                bracket = false;
            } else if (bracket) {
                continue;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == ';') {
                break;
            } else {
                plain.append(c);
            }
        }
        int dot = plain.indexOf(".");
        if (dot < 0) {
            return 0;
        }
        int decimals = 0;
        for (int i = dot + 1; i < plain.length() && "0#?".indexOf(plain.charAt(i)) >= 0; i++) {
            decimals++;
        }
        return decimals;
    }
}
