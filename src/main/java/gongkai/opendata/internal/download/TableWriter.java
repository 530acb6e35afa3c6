package gongkai.opendata.internal.download;

import java.io.IOException;
import java.util.List;

import gongkai.opendata.Datasets;

/**
 * One download being written: {@link #begin}, then every row as {@link Datasets#rows} gives it (the values in column
 * order), then {@link #end}. A writer never holds more than a few rows, and never closes the stream it writes to
 * (the bulk zip writes several tables into one).
 */
abstract class TableWriter implements Datasets.RowSink {

    abstract void begin() throws IOException;

    abstract void end(long rows) throws IOException;

    /** A stored value; a row written before a column was added has none. */
    static String value(List<String> values, int i) {
        String v = i < values.size() ? values.get(i) : null;
        return v == null ? "" : v;
    }
}
