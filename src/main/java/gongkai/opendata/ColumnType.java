package gongkai.opendata;

import gongkai.catalog.FieldType;

/** How a dataset column is typed in XLSX and JSON: numbers as numbers, dates as dates, everything else as text. */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, DATE;

    /** The column type of a catalogue field: integers and years are integers, quantities and amounts decimals. */
    public static ColumnType of(FieldType type) {
        return switch (type) {
            case INTEGER, YEAR -> INTEGER;
            case QUANTITY, AMOUNT -> DECIMAL;
            case DATE -> DATE;
            default -> TEXT;
        };
    }

    public boolean numeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
