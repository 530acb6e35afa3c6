package gongkai.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import gongkai.ledger.SignedTreeHead;
import gongkai.ledger.internal.MerkleTree.Subtree;

/**
 * The log's tables, through plain JDBC in the caller's transaction. Leaves, subtree hashes and heads are only ever
 * inserted: there is no update or delete of them here, and a production database user can be denied both
 * (README, "The transparency log"). The one row of {@code ledger_lock} serialises appends.
 */
@Repository
public class LedgerStore {

    /** A stored leaf: the entry text and its hash, with the columns the lookups use. */
    public record Leaf(long leafIndex, String sourceKey, String action, String indexNo, int version, String entry,
            String leafHash, Instant appendedAt) {
    }

    /** A finished self-check, as stored. */
    public record Check(long id, Instant startedAt, Instant finishedAt, long treeSize, long recordsChecked,
            long leavesChecked, int problems, String triggeredBy) {
    }

    /** An alert raised by a self-check. */
    public record Alert(long checkId, Instant raisedAt, String kind, String subject, String detail) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final String LEAF_COLUMNS = "leaf_index, source_key, action, index_no, version, entry, leaf_hash, "
            + "appended_at";

    private final JdbcTemplate jdbc;

    LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the append lock until the transaction ends; appends in other transactions wait for it. */
    public void lock() {
        jdbc.queryForObject("SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE", Integer.class);
    }

    /** How many leaves are stored (leaf indices run densely from 0). */
    public long size() {
        Long n = jdbc.queryForObject("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaf", Long.class);
        return n == null ? 0 : n;
    }

    /** Which of these source keys are logged already. */
    public Set<String> existingSources(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            found.addAll(jdbc.queryForList("SELECT source_key FROM ledger_leaf WHERE source_key IN ("
                    + placeholders(chunk.size()) + ")", String.class, chunk.toArray()));
        }
        return found;
    }

    /** How many entries about this index number (a record or catalogue item) are logged. */
    public long countFor(String indexNo) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_leaf WHERE index_no = ?", Long.class, indexNo);
        return n == null ? 0 : n;
    }

    public void insertLeaves(List<Leaf> leaves) {
        jdbc.batchUpdate("INSERT INTO ledger_leaf (" + LEAF_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", leaves,
                1000, (ps, l) -> {
                    ps.setLong(1, l.leafIndex());
                    ps.setString(2, l.sourceKey());
                    ps.setString(3, l.action());
                    ps.setString(4, l.indexNo());
                    ps.setInt(5, l.version());
                    ps.setString(6, l.entry());
                    ps.setString(7, l.leafHash());
                    ps.setObject(8, utc(l.appendedAt()));
                });
    }

    public void insertNodes(List<Frontier.Node> nodes) {
        jdbc.batchUpdate("INSERT INTO ledger_node (tree_level, node_index, node_hash) VALUES (?, ?, ?)", nodes, 1000,
                (ps, n) -> {
                    ps.setInt(1, n.subtree().level());
                    ps.setLong(2, n.subtree().index());
                    ps.setString(3, HEX.formatHex(n.hash()));
                });
    }

    /** The stored hashes of these complete subtrees (leaves for level 0), in one round trip. */
    public Map<Subtree, byte[]> subtrees(Collection<Subtree> keys) {
        Map<Subtree, byte[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // One point lookup per key, each on a primary key, joined by UNION ALL: the same plan on H2 and PostgreSQL.
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Subtree k : keys) {
            if (k.level() == 0) {
                parts.add("SELECT 0 AS tree_level, leaf_index AS node_index, leaf_hash AS node_hash FROM ledger_leaf "
                        + "WHERE leaf_index = ?");
                args.add(k.index());
            } else {
                parts.add("SELECT tree_level, node_index, node_hash FROM ledger_node WHERE tree_level = ? AND "
                        + "node_index = ?");
                args.add(k.level());
                args.add(k.index());
            }
        }
        jdbc.query(String.join(" UNION ALL ", parts), rs -> {
            found.put(new Subtree(rs.getInt(1), rs.getLong(2)), HEX.parseHex(rs.getString(3)));
        }, args.toArray());
        return found;
    }

    /** Stored subtree hashes of one level ≥ 1 with indices in [from, to], by index. */
    public Map<Long, String> nodes(int level, long from, long to) {
        Map<Long, String> found = new HashMap<>();
        jdbc.query("SELECT node_index, node_hash FROM ledger_node WHERE tree_level = ? AND node_index BETWEEN ? AND ?",
                rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                }, level, from, to);
        return found;
    }

    public void insertHead(SignedTreeHead head) {
        jdbc.update("INSERT INTO ledger_head (tree_size, root_hash, signed_at, signature, public_key) "
                + "VALUES (?, ?, ?, ?, ?)", head.treeSize(), head.rootHash(), head.timestamp(), head.signature(),
                head.publicKey());
    }

    /** The newest heads, newest first. */
    public List<SignedTreeHead> newestHeads(int count) {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM ledger_head ORDER BY id DESC LIMIT ?", HEAD, count);
    }

    /** The newest head of exactly this size. */
    public Optional<SignedTreeHead> head(long treeSize) {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM ledger_head WHERE tree_size = ? ORDER BY id DESC LIMIT 1",
                HEAD, treeSize).stream().findFirst();
    }

    public long headCount() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_head", Long.class);
        return n == null ? 0 : n;
    }

    public Optional<Leaf> leaf(long leafIndex) {
        return jdbc.query("SELECT " + LEAF_COLUMNS + " FROM ledger_leaf WHERE leaf_index = ?", LEAF, leafIndex)
                .stream().findFirst();
    }

    /** The newest entry about this version of a record (or catalogue item). */
    public Optional<Leaf> latestFor(String indexNo, int version) {
        return jdbc.query("SELECT " + LEAF_COLUMNS + " FROM ledger_leaf WHERE index_no = ? AND version = ? "
                + "ORDER BY leaf_index DESC LIMIT 1", LEAF, indexNo, version).stream().findFirst();
    }

    /** Every entry about a record (or catalogue item), oldest first. */
    public List<Leaf> allFor(String indexNo) {
        return jdbc.query("SELECT " + LEAF_COLUMNS + " FROM ledger_leaf WHERE index_no = ? ORDER BY leaf_index",
                LEAF, indexNo);
    }

    /** The index numbers of logged catalogue items. */
    public List<String> catalogIndexNumbers() {
        return jdbc.queryForList("SELECT DISTINCT index_no FROM ledger_leaf WHERE action = 'CATALOG'", String.class);
    }

    /** Leaves [from, to) in order, read a page at a time. */
    public void forEachLeaf(long from, long to, int page, Consumer<Leaf> action) {
        for (long start = from; start < to; start += page) {
            long end = Math.min(to, start + page);
            jdbc.query("SELECT " + LEAF_COLUMNS + " FROM ledger_leaf WHERE leaf_index >= ? AND leaf_index < ? "
                    + "ORDER BY leaf_index", LEAF, start, end).forEach(action);
        }
    }

    /**
     * Claims the next self-check for this node unless another claimed one since {@code notBefore}; so several
     * nodes run each scheduled check once.
     */
    public boolean claimCheck(Instant now, Instant notBefore) {
        return jdbc.update("UPDATE ledger_lock SET check_claimed_at = ? WHERE id = 1 AND (check_claimed_at IS NULL "
                + "OR check_claimed_at < ?)", utc(now), utc(notBefore)) == 1;
    }

    public long insertCheck(Check c) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO ledger_check (started_at, finished_at, tree_size, "
                    + "records_checked, leaves_checked, problems, triggered_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setObject(1, utc(c.startedAt()));
            ps.setObject(2, utc(c.finishedAt()));
            ps.setLong(3, c.treeSize());
            ps.setLong(4, c.recordsChecked());
            ps.setLong(5, c.leavesChecked());
            ps.setInt(6, c.problems());
            ps.setString(7, c.triggeredBy());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void insertAlerts(List<Alert> alerts) {
        jdbc.batchUpdate("INSERT INTO ledger_alert (check_id, raised_at, kind, subject, detail) VALUES (?, ?, ?, ?, ?)",
                alerts, 500, (ps, a) -> {
                    ps.setLong(1, a.checkId());
                    ps.setObject(2, utc(a.raisedAt()));
                    ps.setString(3, a.kind());
                    ps.setString(4, a.subject());
                    ps.setString(5, a.detail());
                });
    }

    public Optional<Check> latestCheck() {
        return jdbc.query("SELECT id, started_at, finished_at, tree_size, records_checked, leaves_checked, problems, "
                + "triggered_by FROM ledger_check ORDER BY id DESC LIMIT 1", (rs, i) -> new Check(rs.getLong(1),
                        instant(rs, 2), instant(rs, 3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7),
                        rs.getString(8))).stream().findFirst();
    }

    /** The newest alerts, newest first. */
    public List<Alert> recentAlerts(int limit) {
        return jdbc.query("SELECT check_id, raised_at, kind, subject, detail FROM ledger_alert "
                + "ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Alert(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), limit);
    }

    private static final String HEAD_COLUMNS = "tree_size, root_hash, signed_at, signature, public_key";
    private static final RowMapper<SignedTreeHead> HEAD = (rs, i) -> new SignedTreeHead(rs.getLong(1),
            rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    private static final RowMapper<Leaf> LEAF = (rs, i) -> new Leaf(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), instant(rs, 8));

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
