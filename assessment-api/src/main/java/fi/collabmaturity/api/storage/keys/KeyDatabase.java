package fi.collabmaturity.api.storage.keys;

import fi.collabmaturity.api.storage.DataFolder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Where a {@link JdbcParticipantKeyStore} keeps its table, and how an erased key is made to leave its files. */
sealed interface KeyDatabase {

    Connection open() throws SQLException;

    /** The column type of the key bytes. */
    String bytesType();

    /**
     * Rewrites the key table's storage after a delete, so that the deleted row's bytes are in none of its files.
     * May close the database under {@code connection}.
     */
    void shred(Connection connection) throws SQLException;

    /**
     * The embedded default's key file, kept apart from the event log so that its compaction never touches the
     * events. SHUTDOWN COMPACT rewrites the whole (small) file.
     */
    record H2File(Path folder) implements KeyDatabase {

        /**
         * H2's page cache for the key file, KB (its default is 16 MB): the keys in use are held by the key store
         * itself, and this cache would sit in the heap beside them, at -Xmx128m an eighth of it.
         */
        private static final int CACHE_KB = 4 << 10;

        @Override
        public Connection open() throws SQLException {
            Connection connection = DriverManager.getConnection(
                    "jdbc:h2:file:" + folder.resolve("participant-keys") + ";WRITE_DELAY=0;CACHE_SIZE=" + CACHE_KB,
                    "sa", "");
            DataFolder.tighten(folder); // the file may be new (the first start, or rewritten by compaction)
            return connection;
        }

        @Override
        public String bytesType() {
            return "VARBINARY(64)";
        }

        @Override
        public void shred(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    /**
     * The event log's PostgreSQL database, on a connection of the store's own (not one of the event log's pool,
     * which the commands need). VACUUM FULL writes the table and its indexes into new files and removes the old
     * ones; the write-ahead log and any base backup or replica keep the key until they are recycled (see
     * docs/operations.md).
     */
    record Postgres(String url, String user, String password) implements KeyDatabase {

        @Override
        public Connection open() throws SQLException {
            Properties properties = new Properties();
            if (user != null && !user.isBlank()) {
                properties.setProperty("user", user);
            }
            if (password != null && !password.isBlank()) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", "collab-maturity participant keys");
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public String bytesType() {
            return "BYTEA";
        }

        @Override
        public void shred(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("VACUUM FULL participant_keys");
            }
        }

        @Override
        public String toString() {
            return "Postgres[" + url + "]"; // never the password
        }
    }
}
