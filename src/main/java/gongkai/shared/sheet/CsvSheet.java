package gongkai.shared.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a comma-separated file: UTF-8 with or without a byte order mark, or GB18030 when the bytes are not UTF-8
 * (what Excel in China writes for "CSV (逗号分隔)"). Quoted fields may hold commas, quotes and line breaks; a
 * record's number is the row number Excel shows for it.
 */
final class CsvSheet {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvSheet() {
    }

    /** Whether the bytes look like text: no control characters but tab, line feed and carriage return. */
    static boolean looksLikeText(byte[] bytes) {
        int end = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }

    /**
     * The non-empty records, stopping once {@code stopAfter} of them have been read.
     *
     * @throws UnreadableSheetException when a quoted field is not closed or a quote stands in an unquoted field
     */
    static List<SheetRow> read(byte[] bytes, int stopAfter) throws UnreadableSheetException {
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(decode(bytes), FORMAT)) {
            try {
                for (CSVRecord record : parser) {
                    int row = Math.toIntExact(record.getRecordNumber());
                    if (record.size() > SheetRow.MAX_COLUMNS) {
                        throw new UnreadableSheetException(row, "第" + row + "行超过了 " + SheetRow.MAX_COLUMNS
                                + " 列的上限，请检查文件。");
                    }
                    if (record.stream().anyMatch(cell -> cell.length() > SheetRow.MAX_CELL_CHARS)) {
                        throw new UnreadableSheetException(row, SheetRow.cellTooLong(row));
                    }
                    List<String> cells = record.toList().stream().map(String::strip).toList();
                    if (SheetRow.isBlank(cells)) {
                        continue;
                    }
                    rows.add(new SheetRow(row, cells, Set.of()));
                    if (rows.size() >= stopAfter) {
                        break;
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                int row = Math.toIntExact(parser.getRecordNumber() + 1);
                throw new UnreadableSheetException(row, "CSV 格式有误：第" + row + "行附近的引号没有成对出现。"
                        + "含逗号、引号或换行的内容应整体用英文双引号括起，内容中的双引号写作两个双引号。");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
    }
}
