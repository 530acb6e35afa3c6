package gongkai.shared.sheet;

import java.util.List;

/**
 * Reads an uploaded sheet, XLSX or CSV, told apart by content rather than by name: what a clerk saves from Excel or
 * WPS, whatever the file is called. Used by every module that takes tables in (records' structured data, the
 * environmental figures), so that all read dates, numbers, encodings and hostile files alike.
 */
public final class Sheets {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private Sheets() {
    }

    /**
     * The non-empty rows of the first sheet, stopping once {@code stopAfter} have been read.
     *
     * @param name         the file's name as the user knows it, for messages
     * @param templateHint what to do instead, appended to the message when the file is no sheet at all
     * @throws UnreadableSheetException with the Chinese reason when the bytes are not a readable sheet
     */
    public static List<SheetRow> read(String name, byte[] bytes, int stopAfter, String templateHint)
            throws UnreadableSheetException {
        if (startsWith(bytes, ZIP)) {
            return XlsxSheet.read(name, bytes, stopAfter);
        }
        if (startsWith(bytes, OLE2)) {
            throw new UnreadableSheetException(0, "文件“" + name + "”是旧版 Excel（.xls）等格式，请在 Excel 中"
                    + "“另存为”Excel 工作簿（.xlsx）或 CSV（逗号分隔）后再导入。");
        }
        if (!CsvSheet.looksLikeText(bytes)) {
            throw new UnreadableSheetException(0, "文件“" + name + "”既不是 XLSX 表格，也不是 CSV 文件。" + templateHint);
        }
        return CsvSheet.read(bytes, stopAfter);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
