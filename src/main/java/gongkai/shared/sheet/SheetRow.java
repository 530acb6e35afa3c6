package gongkai.shared.sheet;

import java.util.List;
import java.util.Set;

/**
 * One non-empty row of an uploaded sheet, as read before any check.
 *
 * @param number        the row number the user sees (the first row is 1)
 * @param cells         the cell texts by column, stripped; a missing cell is empty
 * @param formulaErrors the columns whose cell is a formula that ended in an error (#DIV/0!, #REF!)
 */
public record SheetRow(int number, List<String> cells, Set<Integer> formulaErrors) {

    /** The most columns read, as many as Excel has (XFD). */
    public static final int MAX_COLUMNS = 16_384;
    /** The most characters in one cell, what Excel itself allows: a longer cell is a broken or hostile file. */
    public static final int MAX_CELL_CHARS = 32_767;

    public static String cellTooLong(int row) {
        return "第" + row + "行有单元格超过了 " + MAX_CELL_CHARS + " 个字符的上限（Excel 一个单元格最多容纳这么多字符），"
                + "请检查文件。";
    }

    public SheetRow {
        cells = List.copyOf(cells);
        formulaErrors = Set.copyOf(formulaErrors);
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    public static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
