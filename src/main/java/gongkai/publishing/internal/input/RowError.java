package gongkai.publishing.internal.input;

/**
 * One problem found in an uploaded sheet.
 *
 * @param row     the row number the user sees in the sheet (the header is row 1), or 0 when the problem concerns the
 *                file as a whole
 * @param field   the column it concerns (a catalogue field name, or the unknown header as written), or null
 * @param message what is wrong and how to put it right, in Chinese
 */
public record RowError(int row, String field, String message) {

    /** The problem as one line of a report: {@code 第3行：“家庭人口”应为整数…}. */
    public String describe() {
        return row > 0 ? "第" + row + "行：" + message : message;
    }
}
