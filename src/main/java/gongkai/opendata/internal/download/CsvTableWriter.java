package gongkai.opendata.internal.download;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import gongkai.opendata.DatasetColumn;

/**
 * CSV as Excel opens it right: UTF-8 with a byte order mark (without it Excel reads the Chinese as GBK), RFC 4180
 * quoting (a field holding a comma, a quote or a line break is quoted, its quotes doubled), CRLF between records.
 * Written by hand: the bench measured it as fast as commons-csv (bench/opendata/README.md), the rules are these few
 * lines, and it quotes only what RFC 4180 requires (commons-csv's minimal mode also quotes an empty first field and
 * values starting with a space or '#'). Numbers of numeric columns are written as published; every other value goes
 * through {@link FormulaGuard}.
 */
final class CsvTableWriter extends TableWriter {

    private final Writer out;
    private final List<DatasetColumn> columns;
    private final boolean[] numeric;
    private final HeaderForm header;

    CsvTableWriter(OutputStream out, List<DatasetColumn> columns, HeaderForm header) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.columns = columns;
        this.header = header;
        this.numeric = new boolean[columns.size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = columns.get(i).type().numeric();
        }
    }

    @Override
    void begin() throws IOException {
        out.write('\uFEFF');
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(FormulaGuard.neutralise(header.of(columns.get(i))));
        }
        out.write("\r\n");
    }

    @Override
    public void accept(List<String> values) throws IOException {
        for (int i = 0; i < numeric.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String v = value(values, i);
            field(numeric[i] && CellValues.number(v) != null ? v : FormulaGuard.neutralise(v));
        }
        out.write("\r\n");
    }

    @Override
    void end(long rows) throws IOException {
        out.flush();
    }

    private void field(String v) throws IOException {
        if (!needsQuotes(v)) {
            out.write(v);
            return;
        }
        out.write('"');
        int from = 0;
        for (int q = v.indexOf('"'); q >= 0; q = v.indexOf('"', from)) {
            out.write(v, from, q + 1 - from);
            out.write('"');
            from = q + 1;
        }
        out.write(v, from, v.length() - from);
        out.write('"');
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
