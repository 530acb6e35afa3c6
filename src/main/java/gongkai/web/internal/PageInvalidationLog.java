package gongkai.web.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import gongkai.shared.PublicPagesChanged;

/**
 * The table through which the nodes tell each other which public pages went stale ({@code page_invalidation},
 * migration V18): one row per committed change, with its tags separated by spaces. Rows are read by id and deleted
 * after a while.
 */
final class PageInvalidationLog {

    /** A row too long for its column says "everything" instead: rare, and never wrong. */
    private static final int MAX_TAGS_LENGTH = 4000;

    record Row(long id, Set<String> tags) {
    }

    private final JdbcTemplate jdbc;

    PageInvalidationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a row in the caller's transaction (or its own); returns its id. */
    long append(Set<String> tags, Instant at) {
        String text = String.join(" ", tags);
        String stored = text.length() > MAX_TAGS_LENGTH ? PublicPagesChanged.EVERYTHING : text;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO page_invalidation (tags, created_at) VALUES (?, ?)", new String[] {"id"});
            ps.setString(1, stored);
            ps.setTimestamp(2, Timestamp.from(at));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Rows with an id above {@code floor}, by id. */
    List<Row> after(long floor) {
        return jdbc.query("SELECT id, tags FROM page_invalidation WHERE id > ? ORDER BY id",
                (rs, i) -> new Row(rs.getLong(1), new LinkedHashSet<>(Arrays.asList(rs.getString(2).split(" ")))),
                floor);
    }

    long maxId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM page_invalidation", Long.class);
        return max == null ? 0 : max;
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM page_invalidation WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
