package gongkai.opendata.internal.download;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetColumn;

/**
 * JSON, streamed through Jackson's generator: {@code {"dataset": {...}, "columns": [{code, label, type}], "rows":
 * [{code: value, ...}]}}. Values of numeric columns that read as numbers are JSON numbers (thousands separators
 * gone), of date columns ISO dates; an empty value of a typed column is null. No formula neutralisation: JSON is read
 * by programs, which get the values as published.
 */
final class JsonTableWriter extends TableWriter {

    private final JsonGenerator out;
    private final List<DatasetColumn> columns;
    private final DownloadInfo info;

    JsonTableWriter(JsonMapper json, OutputStream out, List<DatasetColumn> columns, DownloadInfo info) {
        this.out = json.createGenerator(out);
        this.columns = columns;
        this.info = info;
    }

    @Override
    void begin() {
        Dataset d = info.dataset();
        out.writeStartObject();
        out.writeName("dataset");
        out.writeStartObject();
        out.writeStringProperty("name", d.name());
        out.writeStringProperty("title", d.title());
        out.writeStringProperty("publisher", d.orgName());
        out.writeStringProperty("field", d.domainName());
        out.writeStringProperty("scope", info.scope());
        out.writeName("licence");
        out.writeStartObject();
        out.writeStringProperty("id", d.licence().id());
        out.writeStringProperty("title", d.licence().title());
        out.writeStringProperty("url", d.licence().url());
        out.writeEndObject();
        out.writeStringProperty("source", info.source());
        out.writeStringProperty("modified", d.modified() == null ? null : d.modified().toString());
        out.writeStringProperty("downloaded", info.at().toString());
        out.writeBooleanProperty("demo", d.demo());
        out.writeEndObject();
        out.writeName("columns");
        out.writeStartArray();
        for (DatasetColumn c : columns) {
            out.writeStartObject();
            out.writeStringProperty("code", c.code());
            out.writeStringProperty("label", c.label());
            out.writeStringProperty("type", c.type().name().toLowerCase(Locale.ROOT));
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeName("rows");
        out.writeStartArray();
    }

    @Override
    public void accept(List<String> values) {
        out.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
            DatasetColumn c = columns.get(i);
            String v = value(values, i);
            out.writeName(c.code());
            if (c.type() == gongkai.opendata.ColumnType.TEXT) {
                out.writeString(v);
            } else if (v.isBlank()) {
                out.writeNull();
            } else if (c.type().numeric()) {
                BigDecimal n = CellValues.number(v);
                if (n != null) {
                    out.writeNumber(n);
                } else {
                    out.writeString(v);
                }
            } else {
                LocalDate date = CellValues.date(v);
                out.writeString(date != null ? date.toString() : v);
            }
        }
        out.writeEndObject();
    }

    @Override
    void end(long rows) {
        out.writeEndArray();
        out.writeEndObject();
        // The stream is the caller's: flush, and close the generator without closing it (see DatasetDownloads).
        out.close();
    }
}
