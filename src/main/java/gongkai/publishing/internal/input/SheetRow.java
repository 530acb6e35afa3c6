package gongkai.publishing.internal.input;

import java.util.List;
import java.util.Set;

/**
 * One non-empty row of an uploaded sheet, as read before any check.
 *
 * @param number        the row number the user sees (the first row is 1)
 * @param cells         the cell texts by column, stripped; a missing cell is empty
 * @param formulaErrors the columns whose cell is a formula that ended in an error (#DIV/0!, #REF!)
 */
record SheetRow(int number, List<String> cells, Set<Integer> formulaErrors) {

    SheetRow {
        cells = List.copyOf(cells);
        formulaErrors = Set.copyOf(formulaErrors);
    }

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
