package fi.collabmaturity.api.operations;

import fi.collabmaturity.api.storage.EventLogConfiguration;
import fi.collabmaturity.api.storage.JdbcParticipantKeyStore;
import fi.collabmaturity.api.storage.ParticipantKeyArchive;
import fi.collabmaturity.api.storage.StoredKey;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default's event log (Axon's JDBC schema on the H2 file {@code events.mv.db}) and its key store
 * ({@code participant-keys.mv.db}), opened directly in a data folder. The application must not be running on that
 * folder: H2 locks its files, and this store says so instead of waiting.
 *
 * <p>A restore writes every event in one transaction, with its original global index, so positions that clients
 * hold (a write's {@code X-Assessment-Position}, an export manifest's {@code eventPosition}) mean the same events
 * after the restore; the index sequence then continues after the highest one. Events from a store without global
 * indexes (MongoDB) are numbered 1, 2, 3... in the file's order.
 */
public final class JdbcEventLogStore implements EventLogStore {

    static final String EVENTS_FILE = "events.mv.db";
    static final String READ_MODELS_FILE = "readmodels.mv.db";
    static final String KEYS_FILE = "participant-keys.mv.db";
    private static final EventSchema SCHEMA = EventSchema.builder().build();
    private static final int BATCH = 500;

    private final Path folder;
    private Connection connection;
    private JdbcParticipantKeyStore keys;
    private boolean online;

    private JdbcEventLogStore(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /** The event log of a data folder that must exist and hold one. */
    public static JdbcEventLogStore existing(Path folder) {
        JdbcEventLogStore store = new JdbcEventLogStore(folder);
        if (!Files.isRegularFile(store.folder.resolve(EVENTS_FILE))) {
            throw new OperationRefused("there is no event log in " + store.folder + " (no " + EVENTS_FILE
                    + "); set ASSESSMENT_DATA_DIR to the application's data folder");
        }
        store.connection = open(store.folder, true);
        return store;
    }

    /**
     * The running application's own event log, for an online backup: read from one of its pooled connections in a
     * REPEATABLE READ transaction, so the backup is the log as committed when the read began.
     */
    public static JdbcEventLogStore online(DataSource dataSource) {
        JdbcEventLogStore store = new JdbcEventLogStore(null);
        try {
            store.connection = dataSource.getConnection();
            store.online = true;
        } catch (SQLException e) {
            throw new OperationRefused("cannot read the event log: " + e.getMessage(), e);
        }
        return store;
    }

    /** A data folder to restore into; nothing is created until {@link #write} runs. */
    public static JdbcEventLogStore target(Path folder) {
        return new JdbcEventLogStore(folder);
    }

    @Override
    public String positions() {
        return "global_index";
    }

    @Override
    public String describe() {
        return folder == null ? "the running application's event log" : "the data folder " + folder;
    }

    @Override
    public List<String> contents() {
        List<String> found = new ArrayList<>();
        if (Files.exists(folder.resolve(EVENTS_FILE))) {
            try (Connection c = open(folder, true)) {
                long events = tableExists(c, SCHEMA.domainEventTable()) ? count(c, SCHEMA.domainEventTable()) : 0;
                if (events > 0) {
                    found.add(events + " events in " + EVENTS_FILE);
                }
            } catch (SQLException e) {
                throw new OperationRefused("cannot read " + folder.resolve(EVENTS_FILE) + ": " + e.getMessage(), e);
            }
        }
        if (Files.exists(folder.resolve(READ_MODELS_FILE))) {
            found.add("read models and processor tokens in " + READ_MODELS_FILE
                    + " (the application has run on this folder)");
        }
        if (Files.exists(folder.resolve(KEYS_FILE))) {
            try (Connection c = DriverManager.getConnection(keysUrl(folder), "sa", "")) {
                long keys = tableExists(c, "participant_keys") ? count(c, "participant_keys") : 0;
                if (keys > 0) {
                    found.add(keys + " participant keys in " + KEYS_FILE);
                }
            } catch (SQLException e) {
                throw new OperationRefused("cannot read " + folder.resolve(KEYS_FILE) + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    @Override
    public void read(EventSink sink) {
        String sql = "SELECT " + String.join(", ", SCHEMA.globalIndexColumn(), SCHEMA.eventIdentifierColumn(),
                SCHEMA.typeColumn(), SCHEMA.aggregateIdentifierColumn(), SCHEMA.sequenceNumberColumn(),
                SCHEMA.timestampColumn(), SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(),
                SCHEMA.payloadColumn(), SCHEMA.metaDataColumn())
                + " FROM " + SCHEMA.domainEventTable() + " ORDER BY " + SCHEMA.globalIndexColumn();
        try {
            if (online) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try (Statement s = connection.createStatement()) {
                s.setFetchSize(BATCH);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        sink.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                                rs.getBytes(10)));
                    }
                }
            } finally {
                if (online) {
                    connection.rollback();
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new OperationRefused("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(EventSource source, Runnable beforeCommit) {
        if (online) {
            throw new OperationRefused("a running application's event log is never restored into");
        }
        try {
            fi.collabmaturity.api.storage.DataFolder.prepare(folder); // owner only, as the application makes it
            connection = open(folder, false);
            PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, SCHEMA).execute();
            PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, SCHEMA).execute();
            connection.setAutoCommit(false);
            long highest = 0;
            try (PreparedStatement withIndex = connection.prepareStatement(insert(true));
                 PreparedStatement withoutIndex = connection.prepareStatement(insert(false))) {
                long[] state = new long[2]; // [0] highest index, [1] rows in the open batch
                PreparedStatement[] used = new PreparedStatement[1];
                source.forEach(event -> {
                    try {
                        PreparedStatement insert = event.globalIndex() == null ? withoutIndex : withIndex;
                        if (used[0] != null && used[0] != insert) {
                            throw new OperationRefused("the backup mixes events with and without global indexes");
                        }
                        used[0] = insert;
                        int i = 1;
                        if (event.globalIndex() != null) {
                            insert.setLong(i++, event.globalIndex());
                            state[0] = Math.max(state[0], event.globalIndex());
                        }
                        insert.setString(i++, event.eventIdentifier());
                        insert.setString(i++, event.aggregateIdentifier());
                        insert.setLong(i++, event.sequenceNumber());
                        if (event.aggregateType() == null) {
                            insert.setNull(i++, Types.VARCHAR);
                        } else {
                            insert.setString(i++, event.aggregateType());
                        }
                        insert.setString(i++, event.timestamp());
                        insert.setString(i++, event.payloadType());
                        insert.setString(i++, event.payloadRevision());
                        insert.setBytes(i++, event.payload());
                        insert.setBytes(i, event.metaData());
                        insert.addBatch();
                        if (++state[1] == BATCH) {
                            insert.executeBatch();
                            state[1] = 0;
                        }
                    } catch (SQLException e) {
                        throw new OperationRefused("cannot write event " + event.eventIdentifier() + ": "
                                + e.getMessage(), e);
                    }
                });
                if (used[0] != null && state[1] > 0) {
                    used[0].executeBatch();
                }
                highest = state[0];
            }
            beforeCommit.run();
            connection.commit();
            connection.setAutoCommit(true);
            if (highest > 0) {
                try (Statement s = connection.createStatement()) {
                    // the application's next event continues after the restored positions
                    s.execute("ALTER TABLE " + SCHEMA.domainEventTable() + " ALTER COLUMN "
                            + SCHEMA.globalIndexColumn() + " RESTART WITH " + (highest + 1));
                }
            }
        } catch (SQLException | java.io.UncheckedIOException e) {
            rollback();
            throw new OperationRefused("the restore into " + folder + " failed and was undone: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    @Override
    public ParticipantKeyArchive keys() {
        if (online) {
            return EMPTY_KEYS; // keys never leave a running application
        }
        if (keys == null) {
            if (connection == null && !Files.exists(folder.resolve(KEYS_FILE))) {
                return EMPTY_KEYS;
            }
            try {
                keys = JdbcParticipantKeyStore.h2(folder);
            } catch (IllegalStateException e) {
                throw new OperationRefused("cannot open the participant keys in " + folder + ": "
                        + rootMessage(e), e);
            }
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            if (keys != null) {
                keys.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the event log in " + folder, e);
        }
    }

    private void rollback() {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is what the operator needs to see
        }
    }

    private static String insert(boolean withIndex) {
        List<String> columns = new ArrayList<>();
        if (withIndex) {
            columns.add(SCHEMA.globalIndexColumn());
        }
        columns.addAll(List.of(SCHEMA.eventIdentifierColumn(), SCHEMA.aggregateIdentifierColumn(),
                SCHEMA.sequenceNumberColumn(), SCHEMA.typeColumn(), SCHEMA.timestampColumn(),
                SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(), SCHEMA.payloadColumn(),
                SCHEMA.metaDataColumn()));
        return "INSERT INTO " + SCHEMA.domainEventTable() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static Connection open(Path folder, boolean mustExist) {
        String url = EventLogConfiguration.h2Url(folder) + (mustExist ? ";IFEXISTS=TRUE" : "");
        try {
            return DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("already in use")) {
                throw new OperationRefused("the event log in " + folder + " is in use: stop the application that"
                        + " runs on this data folder first (or, for a backup, download GET /api/v1/admin/backup"
                        + " from it)", e);
            }
            throw new OperationRefused("cannot open the event log in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String keysUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("participant-keys") + ";IFEXISTS=TRUE";
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?")) {
            p.setString(1, table.toUpperCase(java.util.Locale.ROOT));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    static final ParticipantKeyArchive EMPTY_KEYS = new ParticipantKeyArchive() {
        @Override
        public List<StoredKey> exportKeys() {
            return List.of();
        }

        @Override
        public void importKey(StoredKey key) {
            throw new UnsupportedOperationException("no key store");
        }

        @Override
        public long keyCount() {
            return 0;
        }
    };
}
