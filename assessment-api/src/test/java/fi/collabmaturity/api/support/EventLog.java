package fi.collabmaturity.api.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded event log as the application stores it: the rows of Axon's event table, counted through the
 * application's own DataSource, so that "nothing was recorded" is checked against the store itself.
 */
public final class EventLog {

    private final DataSource dataSource;

    public EventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events", e);
        }
    }
}
