package fi.collabmaturity.api.operations.backup;

import fi.collabmaturity.api.storage.eventlog.EventLogConfiguration;
import fi.collabmaturity.api.storage.keys.JdbcParticipantKeyStore;
import fi.collabmaturity.api.storage.keys.ParticipantKeyArchive;
import fi.collabmaturity.api.storage.keys.StoredKey;
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
import java.util.Locale;
import java.util.Properties;

/**
 * The event log as backup and restore see it: Axon's JDBC schema ({@link PostgresEventTableFactory}) either on the
 * embedded default's H2 file {@code events.mv.db} in a data folder (with its key store {@code participant-keys.mv.db}
 * beside it), or in a PostgreSQL database (ASSESSMENT_POSTGRES_URL), where the participant keys are the table
 * {@code participant_keys} of the same database. The application must not be running on a data folder: H2 locks its
 * files, and this store says so instead of waiting. On PostgreSQL a backup may run beside the application.
 *
 * <p>A read is one REPEATABLE READ transaction with a fetch size (the PostgreSQL driver then streams the rows with a
 * cursor), so a backup is the log as committed when the read began. A restore writes every event in one
 * transaction, with its original global index, so positions that clients hold (a write's
 * {@code X-Assessment-Position}, an export manifest's {@code eventPosition}) mean the same events after the restore;
 * the index sequence then continues after the highest one. Events of a backup without global indexes (the old
 * MongoDB event log's) are numbered 1, 2, 3... in the file's order. On PostgreSQL the tables, the events and the keys
 * are written in that one transaction: a failed restore leaves none of them.
 */
public final class JdbcEventLogStore implements EventLogStore {

    static final String EVENTS_FILE = "events.mv.db";
    static final String KEYS_FILE = "participant-keys.mv.db";
    private static final EventSchema SCHEMA = EventSchema.builder().build();
    private static final int BATCH = 500;

    private final Path folder;
    private final Server server;
    private Connection connection;
    private ParticipantKeyArchive keys;
    private boolean online;

    /** A PostgreSQL database of the event log; {@link #toString} never shows the password. */
    private record Server(String url, String user, String password) {

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (user != null && !user.isBlank()) {
                properties.setProperty("user", user);
            }
            if (password != null && !password.isBlank()) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", "collab-maturity backup/restore");
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public String toString() {
            return withoutPassword(url);
        }
    }

    private JdbcEventLogStore(Path folder, Server server) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.server = server;
    }

    /** The event log of a data folder that must exist and hold one. */
    public static JdbcEventLogStore existing(Path folder) {
        JdbcEventLogStore store = new JdbcEventLogStore(folder, null);
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
        JdbcEventLogStore store = new JdbcEventLogStore(null, null);
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
        return new JdbcEventLogStore(folder, null);
    }

    /**
     * The event log in a PostgreSQL database, to back up from or restore into (the server must be reachable; the
     * database must exist, its tables need not).
     */
    public static JdbcEventLogStore postgres(String url, String user, String password) {
        JdbcEventLogStore store = new JdbcEventLogStore(null, new Server(url, user, password));
        try {
            store.connection = store.server.connect();
        } catch (SQLException e) {
            throw new OperationRefused("cannot connect to " + store.describe() + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** The event log in a PostgreSQL database that must hold one (its event table), for a backup. */
    public static JdbcEventLogStore existingPostgres(String url, String user, String password) {
        JdbcEventLogStore store = postgres(url, user, password);
        try {
            if (!store.tableExists(SCHEMA.domainEventTable())) {
                store.close();
                throw new OperationRefused("there is no event log in " + store.describe() + " (no table "
                        + SCHEMA.domainEventTable() + "); set ASSESSMENT_POSTGRES_URL to the application's database");
            }
        } catch (SQLException e) {
            store.close();
            throw new OperationRefused("cannot read " + store.describe() + ": " + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public String positions() {
        return "global_index";
    }

    @Override
    public String describe() {
        if (server != null) {
            return "the PostgreSQL database " + server;
        }
        return folder == null ? "the running application's event log" : "the data folder " + folder;
    }

    /**
     * The rows that make the log not empty. The read models are another store's (see
     * {@link ReadModelStoreContents}). On PostgreSQL the tables may not exist yet: then they hold nothing.
     */
    @Override
    public List<String> contents() {
        if (server != null) {
            try {
                List<String> found = new ArrayList<>();
                countInto(found, SCHEMA.domainEventTable(), "events");
                countInto(found, SCHEMA.snapshotTable(), "snapshots");
                countInto(found, "participant_keys", "participant keys");
                countInto(found, "idempotency_keys", "idempotency records");
                return found;
            } catch (SQLException e) {
                throw new OperationRefused("cannot read " + describe() + ": " + e.getMessage(), e);
            }
        }
        List<String> found = new ArrayList<>();
        if (Files.exists(folder.resolve(EVENTS_FILE))) {
            try (Connection c = open(folder, true)) {
                long events = h2TableExists(c, SCHEMA.domainEventTable()) ? count(c, SCHEMA.domainEventTable()) : 0;
                if (events > 0) {
                    found.add(events + " events in " + EVENTS_FILE);
                }
            } catch (SQLException e) {
                throw new OperationRefused("cannot read " + folder.resolve(EVENTS_FILE) + ": " + e.getMessage(), e);
            }
        }
        if (Files.exists(folder.resolve(KEYS_FILE))) {
            try (Connection c = DriverManager.getConnection(keysUrl(folder), "sa", "")) {
                long keys = h2TableExists(c, "participant_keys") ? count(c, "participant_keys") : 0;
                if (keys > 0) {
                    found.add(keys + " participant keys in " + KEYS_FILE);
                }
            } catch (SQLException e) {
                throw new OperationRefused("cannot read " + folder.resolve(KEYS_FILE) + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private void countInto(List<String> found, String table, String what) throws SQLException {
        long rows = tableExists(table) ? count(connection, table) : 0;
        if (rows > 0) {
            found.add(rows + " " + what + " in " + table.toLowerCase(Locale.ROOT)); // as PostgreSQL names it
        }
    }

    @Override
    public void read(EventSink sink) {
        String sql = "SELECT " + String.join(", ", SCHEMA.globalIndexColumn(), SCHEMA.eventIdentifierColumn(),
                SCHEMA.typeColumn(), SCHEMA.aggregateIdentifierColumn(), SCHEMA.sequenceNumberColumn(),
                SCHEMA.timestampColumn(), SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(),
                SCHEMA.payloadColumn(), SCHEMA.metaDataColumn())
                + " FROM " + SCHEMA.domainEventTable() + " ORDER BY " + SCHEMA.globalIndexColumn();
        try {
            // without autocommit the PostgreSQL driver honours the fetch size with a cursor instead of loading the
            // whole log into memory; REPEATABLE READ makes every row of the read come from one snapshot
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
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
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
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
            if (server == null) {
                fi.collabmaturity.api.storage.DataFolder.prepare(folder); // owner only, as the application makes it
                connection = open(folder, false);
                createEventTables(); // H2 commits DDL at once; its key store is a file of its own
                connection.setAutoCommit(false);
            } else {
                // PostgreSQL's DDL is transactional: the tables come and go with the events and keys
                connection.setAutoCommit(false);
                createEventTables();
                try (Statement s = connection.createStatement()) {
                    s.execute(JdbcParticipantKeyStore.createTable("BYTEA"));
                }
            }
            long highest;
            try (PreparedStatement insert = connection.prepareStatement(insert())) {
                long[] state = new long[3]; // [0] highest index, [1] rows in the open batch, [2] events without one
                source.forEach(event -> {
                    try {
                        long index;
                        if (event.globalIndex() == null) {
                            index = ++state[2];
                            if (state[2] != state[0] + 1) {
                                throw new OperationRefused("the backup mixes events with and without global indexes");
                            }
                        } else {
                            if (state[2] > 0) {
                                throw new OperationRefused("the backup mixes events with and without global indexes");
                            }
                            index = event.globalIndex();
                        }
                        state[0] = Math.max(state[0], index);
                        int i = 1;
                        insert.setLong(i++, index);
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
                if (state[1] > 0) {
                    insert.executeBatch();
                }
                highest = state[0];
            }
            if (server != null && highest > 0) {
                // inside the transaction: were the process to stop right after the commit, the application's next
                // event must still not take a restored position
                try (PreparedStatement p = connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?)")) {
                    p.setString(1, SCHEMA.domainEventTable());
                    p.setString(2, SCHEMA.globalIndexColumn().toLowerCase(Locale.ROOT));
                    p.setLong(3, highest);
                    p.executeQuery().close();
                }
            }
            beforeCommit.run();
            connection.commit();
            connection.setAutoCommit(true);
            if (server == null && highest > 0) {
                try (Statement s = connection.createStatement()) {
                    // the application's next event continues after the restored positions
                    s.execute("ALTER TABLE " + SCHEMA.domainEventTable() + " ALTER COLUMN "
                            + SCHEMA.globalIndexColumn() + " RESTART WITH " + (highest + 1));
                }
            }
        } catch (SQLException | java.io.UncheckedIOException e) {
            rollback();
            throw new OperationRefused("the restore into " + describe() + " failed and was undone: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void createEventTables() throws SQLException {
        try (PreparedStatement events = PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, SCHEMA);
             PreparedStatement snapshots = PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection,
                     SCHEMA)) {
            events.execute();
            snapshots.execute();
        }
    }

    @Override
    public ParticipantKeyArchive keys() {
        if (online) {
            return EMPTY_KEYS; // keys never leave a running application
        }
        if (server != null) {
            if (keys == null) {
                keys = new SameDatabaseKeys();
            }
            return keys;
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
            if (keys instanceof JdbcParticipantKeyStore store) {
                store.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + describe(), e);
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

    private static String insert() {
        List<String> columns = List.of(SCHEMA.globalIndexColumn(), SCHEMA.eventIdentifierColumn(),
                SCHEMA.aggregateIdentifierColumn(), SCHEMA.sequenceNumberColumn(), SCHEMA.typeColumn(),
                SCHEMA.timestampColumn(), SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(),
                SCHEMA.payloadColumn(), SCHEMA.metaDataColumn());
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

    /** On PostgreSQL: whether the table is in the connection's search path (unquoted names are lower case). */
    private boolean tableExists(String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean h2TableExists(Connection c, String table) throws SQLException {
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

    /** The JDBC url without a {@code password} parameter, for messages. */
    static String withoutPassword(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("password="))
                .collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /**
     * The keys of a PostgreSQL event log: the table {@code participant_keys} of the same database, read and
     * written on the store's own connection, so that a restore imports them in the transaction of the events.
     */
    private final class SameDatabaseKeys implements ParticipantKeyArchive {

        @Override
        public List<StoredKey> exportKeys() {
            List<StoredKey> out = new ArrayList<>();
            try {
                if (!tableExists("participant_keys")) {
                    return out;
                }
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT participant, study_id, pseudonym, key_bytes FROM participant_keys")) {
                    while (rs.next()) {
                        out.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
                    }
                }
            } catch (SQLException e) {
                throw new OperationRefused("cannot read the participant keys in " + describe() + ": "
                        + e.getMessage(), e);
            }
            // the order of the embedded key store (study, pseudonym as Java compares them), whatever the
            // database's collation: the same keys make the same keys file
            out.sort(java.util.Comparator.comparing(StoredKey::studyId).thenComparing(StoredKey::pseudonym));
            return out;
        }

        @Override
        public void importKey(StoredKey key) {
            try {
                JdbcParticipantKeyStore.insert(connection, key);
            } catch (SQLException e) {
                throw new OperationRefused("cannot store the key of participant " + key.participant() + " in "
                        + describe() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public long keyCount() {
            try {
                return tableExists("participant_keys") ? count(connection, "participant_keys") : 0;
            } catch (SQLException e) {
                throw new OperationRefused("cannot count the participant keys in " + describe() + ": "
                        + e.getMessage(), e);
            }
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
