package fi.collabmaturity.api.storage.eventlog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded event log's file, written as the application writes it (one commit per appended command, through
 * the same URL), filled mostly with dead chunks until the compaction's steps rewrite them; nothing committed is
 * lost by it.
 */
class EmbeddedEventLogCompactionTest {

    private static final int COMMITS = 3_000;

    @TempDir
    Path folder;

    @Test
    void rewritesTheSparseChunksThatOneCommitPerAppendLeavesAndKeepsEveryRow() throws SQLException {
        int steps = 0;
        try (HikariDataSource dataSource = dataSource()) {
            createTable(dataSource, true);
            append(dataSource, 0, COMMITS);
            EmbeddedEventLogCompaction compaction = EmbeddedEventLogCompaction.onDemand(dataSource);
            int before = compaction.chunksFillRate();
            // one commit per append leaves each chunk with a page or two of live data
            assertThat(before).isLessThan(EmbeddedEventLogCompaction.TARGET_FILL_RATE);

            // between steps the application goes on appending; a commit is also what drops the rewritten chunks
            while (compaction.step() && steps < 1_000) {
                append(dataSource, COMMITS + steps, 1);
                steps++;
            }
            append(dataSource, COMMITS + steps, 1);
            assertThat(steps).isPositive().isLessThan(1_000);
            assertThat(compaction.chunksFillRate()).isGreaterThanOrEqualTo(EmbeddedEventLogCompaction.TARGET_FILL_RATE);
        }
        try (HikariDataSource reopened = dataSource()) {
            assertThat(rows(reopened)).isEqualTo(COMMITS + steps + 1);
        }
    }

    @Test
    void aNormalStopGivesTheFileBackTheSpaceFreedWhileItWasOpen() throws SQLException, IOException {
        long open;
        try (HikariDataSource dataSource = dataSource()) {
            createTable(dataSource, false);
            append(dataSource, 0, COMMITS);
            open = Files.size(folder.resolve("events.mv.db"));
        }
        assertThat(Files.size(folder.resolve("events.mv.db"))).isLessThan(open / 4);
        try (HikariDataSource reopened = dataSource()) {
            assertThat(rows(reopened)).isEqualTo(COMMITS);
        }
    }

    @Test
    void onPostgresqlThereIsNothingToCompact() throws SQLException {
        EmbeddedEventLogCompaction none = EmbeddedEventLogCompaction.none();
        assertThat(none.step()).isFalse();
        none.close();
    }

    private HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(EventLogConfiguration.h2Url(folder));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void createTable(HikariDataSource dataSource, boolean oldAtOnce) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (oldAtOnce) {
                // H2 rewrites only chunks older than its retention time (45 s by default): here they are old at once
                s.execute("SET RETENTION_TIME 0");
            }
            s.execute("CREATE TABLE entry (globalIndex BIGINT PRIMARY KEY, eventIdentifier VARCHAR(255) NOT NULL "
                    + "UNIQUE, payload BYTEA NOT NULL)");
        }
    }

    private static void append(HikariDataSource dataSource, int from, int count) throws SQLException {
        byte[] payload = new byte[400];
        Arrays.fill(payload, (byte) '{');
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO entry VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = from; i < from + count; i++) {
                insert.setLong(1, i);
                insert.setString(2, "event-" + i);
                insert.setBytes(3, payload);
                insert.executeUpdate();
                c.commit();
            }
        }
    }

    private static long rows(HikariDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
