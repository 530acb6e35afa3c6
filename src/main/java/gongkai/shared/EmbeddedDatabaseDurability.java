package gongkai.shared;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Refuses to start on an H2 file database that would not write every commit to its file before the commit returns.
 * <p>
 * H2's MVStore keeps committed changes in memory and writes them to the file in the background, by default up to
 * {@code WRITE_DELAY} = 500 ms later: a process killed in that window loses transactions that had committed and been
 * answered (approvals with their index numbers, which the next approvals were then given again). With
 * {@code WRITE_DELAY=0} each commit writes its chunk to the file before it returns (handed to the operating system,
 * not forced to the disk: see the README on power loss), which makes the embedded default as durable as PostgreSQL
 * against a process crash. H2 applies the setting from the URL each time it opens the database (a {@code SET} would
 * not outlive a reopen), so the URL must carry it; the default one in application.yaml does.
 */
@Component
class EmbeddedDatabaseDurability {

    EmbeddedDatabaseDurability(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            // An in-memory database has no file to lose; PostgreSQL makes commits durable itself.
            if (!"H2".equals(meta.getDatabaseProductName()) || meta.getURL().startsWith("jdbc:h2:mem:")) {
                return;
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                String delay = r.next() ? r.getString(1) : "unknown";
                if (!"0".equals(delay)) {
                    throw new IllegalStateException("The H2 database " + meta.getURL() + " writes commits to its "
                            + "file up to " + delay + " ms after they return, so a killed process would lose "
                            + "transactions already answered as done: add ;WRITE_DELAY=0 to spring.datasource.url");
                }
            }
        }
    }
}
