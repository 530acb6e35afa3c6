package gongkai.emergency.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2, refuses every UPDATE and DELETE of a donation entry (created by migration V38); PostgreSQL has the same
 * guard in plpgsql. An entry is corrected only by a reversal.
 */
public class AppendOnlyH2Trigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("donation_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "45000");
    }
}
