package gongkai.opendata.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import gongkai.opendata.DatasetChange;

/** The tables of V51, by plain JDBC: rows are streamed with a cursor, never loaded whole. */
@Component
public class DatasetStore {

    /** How many rows a cursor fetches at a time. */
    static final int FETCH_SIZE = 1000;

    private static final TypeReference<LinkedHashMap<String, String>> CELLS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DatasetStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A dataset's row of V51. */
    public record DatasetRow(long id, String name, String itemCode, String orgCode, Instant created,
            Instant modified) {
    }

    /** What one record contributes to a dataset, per year. */
    public record RecordFacts(long datasetId, int year, int records, long rows, LocalDate coversFrom,
            LocalDate coversTo, boolean demo) {
    }

    /** A record whose rows are in a dataset. */
    public record ProjectedRecord(String indexNo, long datasetId, int version, String contentSha256) {
    }

    /** A record's rows as they enter a dataset. */
    public record RecordRows(String indexNo, int version, String contentSha256, String title, String regionCode,
            String period, LocalDate publishedOn, LocalDate coversFrom, LocalDate coversTo, int year, String tags,
            boolean demo, Instant firstPublishedAt, List<Map<String, String>> rows) {
    }

    public List<DatasetRow> datasets() {
        return jdbc.query("SELECT id, name, item_code, org_code, created_at, modified_at FROM opendata_dataset "
                + "ORDER BY name", (rs, n) -> dataset(rs));
    }

    public Optional<DatasetRow> dataset(String name) {
        return jdbc.query("SELECT id, name, item_code, org_code, created_at, modified_at FROM opendata_dataset "
                + "WHERE name = ?", (rs, n) -> dataset(rs), name).stream().findFirst();
    }

    public Optional<DatasetRow> dataset(long id) {
        return jdbc.query("SELECT id, name, item_code, org_code, created_at, modified_at FROM opendata_dataset "
                + "WHERE id = ?", (rs, n) -> dataset(rs), id).stream().findFirst();
    }

    /** The dataset of an item and organisation, made when its first row arrives. */
    public DatasetRow datasetFor(String itemCode, String orgCode, Instant at) {
        String name = itemCode + "-" + orgCode;
        Optional<DatasetRow> found = jdbc.query("SELECT id, name, item_code, org_code, created_at, modified_at FROM "
                + "opendata_dataset WHERE item_code = ? AND org_code = ?", (rs, n) -> dataset(rs), itemCode, orgCode)
                .stream().findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        // Two first rows of one dataset may arrive at once (two nodes, two listeners): the second insert is a no-op.
        jdbc.update("INSERT INTO opendata_dataset (name, item_code, org_code, created_at, modified_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", name, itemCode, orgCode, Timestamp.from(at),
                Timestamp.from(at));
        return dataset(name).orElseThrow();
    }

    /** Per dataset and year: records, rows, coverage, demo. */
    public List<RecordFacts> facts() {
        return facts(null);
    }

    /** The facts of one dataset, or of all for null. */
    public List<RecordFacts> facts(Long datasetId) {
        return jdbc.query("SELECT dataset_id, data_year, COUNT(*) AS records, SUM(row_count) AS row_total, "
                + "MIN(covers_from) AS covers_from, MAX(covers_to) AS covers_to, "
                + "SUM(CASE WHEN demo THEN 1 ELSE 0 END) AS demo_records FROM opendata_record "
                + (datasetId == null ? "" : "WHERE dataset_id = " + datasetId.longValue() + " ")
                + "GROUP BY dataset_id, data_year", (rs, n) -> new RecordFacts(rs.getLong("dataset_id"),
                        rs.getInt("data_year"), rs.getInt("records"), rs.getLong("row_total"),
                        rs.getObject("covers_from", LocalDate.class), rs.getObject("covers_to", LocalDate.class),
                        rs.getLong("demo_records") > 0));
    }

    /** The tags of each dataset's records, 、-joined, per dataset id. */
    public Map<Long, List<String>> tags() {
        return tags(null);
    }

    /** The tags of one dataset's records, or of all for null. */
    public Map<Long, List<String>> tags(Long datasetId) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        jdbc.query("SELECT dataset_id, tags FROM opendata_record "
                + (datasetId == null ? "" : "WHERE dataset_id = " + datasetId.longValue() + " ")
                + "ORDER BY dataset_id, published_on, index_no",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    public Optional<ProjectedRecord> record(String indexNo) {
        return jdbc.query("SELECT index_no, dataset_id, version, content_sha256 FROM opendata_record WHERE index_no = ?",
                (rs, n) -> new ProjectedRecord(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)),
                indexNo).stream().findFirst();
    }

    public String title(String indexNo) {
        return jdbc.queryForObject("SELECT title FROM opendata_record WHERE index_no = ?", String.class, indexNo);
    }

    /** Every projected record's index number and hash, for reconciling with the records. */
    public Map<String, String> hashes() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT index_no, content_sha256 FROM opendata_record", rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    /** Puts a record's rows into the dataset, replacing any it had. */
    public void put(long datasetId, RecordRows r) {
        delete(r.indexNo());
        jdbc.update("INSERT INTO opendata_record (index_no, dataset_id, version, content_sha256, title, region_code, "
                + "period, published_on, covers_from, covers_to, data_year, row_count, tags, demo, first_published_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.indexNo(), datasetId, r.version(),
                r.contentSha256(), r.title(), r.regionCode(), r.period(), r.publishedOn(), r.coversFrom(),
                r.coversTo(), r.year(), r.rows().size(), r.tags(), r.demo(), Timestamp.from(r.firstPublishedAt()));
        List<Object[]> batch = new ArrayList<>();
        int n = 0;
        for (Map<String, String> row : r.rows()) {
            batch.add(new Object[] {datasetId, r.indexNo(), r.year(), r.publishedOn(), n++,
                    json.writeValueAsString(row)});
        }
        jdbc.batchUpdate("INSERT INTO opendata_row (dataset_id, index_no, data_year, published_on, row_no, cells_json) "
                + "VALUES (?, ?, ?, ?, ?, ?)", batch);
    }

    /** Takes a record's rows out of its dataset; false when it had none there. */
    public boolean delete(String indexNo) {
        jdbc.update("DELETE FROM opendata_row WHERE index_no = ?", indexNo);
        return jdbc.update("DELETE FROM opendata_record WHERE index_no = ?", indexNo) > 0;
    }

    /** When any dataset (an emptied one too) last changed; null while there is none. */
    public Instant lastModified() {
        Timestamp t = jdbc.queryForObject("SELECT MAX(modified_at) FROM opendata_dataset", Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    public void touch(long datasetId, Instant at) {
        jdbc.update("UPDATE opendata_dataset SET modified_at = ? WHERE id = ?", Timestamp.from(at), datasetId);
    }

    public void change(long datasetId, DatasetChange.Kind kind, String indexNo, int version, String title, int rows,
            Instant at) {
        jdbc.update("INSERT INTO opendata_change (dataset_id, kind, index_no, version, record_title, row_count, at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", datasetId, kind.name(), indexNo, version, title, rows,
                Timestamp.from(at));
    }

    /** The newest changes of one dataset (or of all, for a null id), newest first. */
    public List<DatasetChange> changes(Long datasetId, int limit) {
        String sql = "SELECT c.id, d.name, c.kind, c.index_no, c.version, c.record_title, c.row_count, c.at "
                + "FROM opendata_change c JOIN opendata_dataset d ON d.id = c.dataset_id "
                + (datasetId == null ? "" : "WHERE c.dataset_id = " + datasetId.longValue() + " ")
                + "ORDER BY c.id DESC";
        JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
        limited.setMaxRows(limit);
        return limited.query(sql, (rs, n) -> new DatasetChange(rs.getLong(1), rs.getString(2),
                DatasetChange.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getInt(7), instant(rs, 8)));
    }

    /** A consumer of streamed rows that may fail writing them out. */
    @FunctionalInterface
    public interface CellsSink {
        void accept(Map<String, String> cells) throws IOException;
    }

    /**
     * Streams a dataset's rows (of one year, or all for null) in download order to the sink, through a cursor, and
     * answers how many there were. Call it inside a transaction so that PostgreSQL uses a cursor.
     */
    public long stream(long datasetId, Integer year, int limit, CellsSink sink) {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(FETCH_SIZE);
        if (limit > 0) {
            cursor.setMaxRows(limit);
        }
        String sql = "SELECT cells_json FROM opendata_row WHERE dataset_id = ?"
                + (year == null ? "" : " AND data_year = ?")
                + " ORDER BY dataset_id, data_year, published_on, index_no, row_no";
        Object[] args = year == null ? new Object[] {datasetId} : new Object[] {datasetId, year};
        long[] count = {0};
        cursor.query(sql, rs -> {
            try {
                sink.accept(json.readValue(rs.getString(1), CELLS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        }, args);
        return count[0];
    }

    private static DatasetRow dataset(ResultSet rs) throws SQLException {
        return new DatasetRow(rs.getLong("id"), rs.getString("name"), rs.getString("item_code"),
                rs.getString("org_code"), instant(rs, "created_at"), instant(rs, "modified_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
