package gongkai.opendata;

/**
 * One column of a dataset's table.
 *
 * @param code  the field code: ASCII, stable, the header of the code form of a CSV and the key in JSON
 * @param label the Chinese header (the catalogue field's name, or the name of a column every dataset has)
 * @param type  how the column's values are typed in XLSX and JSON
 * @param fixed whether it is one of the columns every dataset has (the record a row came from), not a catalogue field
 */
public record DatasetColumn(String code, String label, ColumnType type, boolean fixed) {

    /** The key of this column's value in a stored row: the code for a fixed column, the field's name otherwise. */
    public String key() {
        return fixed ? code : label;
    }
}
