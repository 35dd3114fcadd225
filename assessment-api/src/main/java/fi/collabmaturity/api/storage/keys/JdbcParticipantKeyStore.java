package fi.collabmaturity.api.storage.keys;

import fi.collabmaturity.privacy.ParticipantKey;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.shared.Normalization;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Participant keys in a table of their own beside the event log: in the embedded default an H2 file of its own
 * ({@code participant-keys.mv.db}), on PostgreSQL the table {@code participant_keys} in the event log's database.
 * A key is committed on its own, before any event sealed with it can commit, so no stored event ever lacks its key
 * (a key whose events were refused is harmless: it opens nothing).
 *
 * <p>A deleted row's bytes would linger in the database's files until the space is reused, and a lingering key
 * defeats crypto-shredding; so erasing a key also rewrites the table's storage ({@link KeyDatabase#shred}), after
 * which the key is in none of its files. Keys are cached in memory (decrypting a page of results must not cost a
 * query per row); the cache forgets a key when it is erased.
 */
public class JdbcParticipantKeyStore implements ParticipantKeyStore, ParticipantKeyArchive, AutoCloseable {

    private final KeyDatabase database;
    private Connection connection;
    private final Map<String, ParticipantKey> byParticipant = new ConcurrentHashMap<>();
    private final Map<String, String> byPseudonym = new ConcurrentHashMap<>();
    private final Queue<KeyRequest> waiting = new ConcurrentLinkedQueue<>();
    private static final String INSERT =
            "INSERT INTO participant_keys (participant, study_id, pseudonym, key_bytes) VALUES (?,?,?,?)";

    /** The embedded default's key file in a data folder. */
    public static JdbcParticipantKeyStore h2(Path folder) {
        return new JdbcParticipantKeyStore(new KeyDatabase.H2File(folder));
    }

    /** The keys in the PostgreSQL database of the event log. */
    public static JdbcParticipantKeyStore postgres(String url, String user, String password) {
        return new JdbcParticipantKeyStore(new KeyDatabase.Postgres(url, user, password));
    }

    /**
     * The key table with {@code bytesType} for the key bytes ({@code BYTEA} on PostgreSQL): a restore into
     * PostgreSQL creates it itself, in the transaction that writes the events.
     */
    public static String createTable(String bytesType) {
        return "CREATE TABLE IF NOT EXISTS participant_keys (participant VARCHAR(36) PRIMARY KEY,"
                + " study_id VARCHAR(64) NOT NULL, pseudonym VARCHAR(200) NOT NULL, key_bytes " + bytesType
                + " NOT NULL, CONSTRAINT participant_keys_pseudonym UNIQUE (study_id, pseudonym))";
    }

    JdbcParticipantKeyStore(KeyDatabase database) {
        this.database = database;
        open();
        try (Statement s = connection.createStatement()) {
            s.execute(createTable(database.bytesType()));
            try (ResultSet rs = s.executeQuery("SELECT participant, study_id, pseudonym, key_bytes FROM participant_keys")) {
                while (rs.next()) {
                    remember(rs.getString(2), rs.getString(3),
                            new ParticipantKey(rs.getString(1), new SecretKeySpec(rs.getBytes(4), "AES")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the participant key store", e);
        }
    }

    private void open() {
        try {
            connection = database.open();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the participant key store", e);
        }
    }

    /** The connection, opened again if the server dropped it (a restarted PostgreSQL); under the store's lock. */
    private Connection connection() {
        try {
            if (connection.isClosed() || !connection.isValid(5)) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // a broken connection may refuse to close; a new one replaces it either way
                }
                open();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the participant key store", e);
        }
        return connection;
    }

    /**
     * A pseudonym is unique within its study only, and compared as {@link Normalization} makes it: a key stored
     * before pseudonyms were normalised (say in decomposed form) is found under the composed one, since the lookup
     * goes through this map and the rows keep the form they were stored in.
     */
    private static String pseudonymKey(String studyId, String pseudonym) {
        return studyId + '\u0000' + Normalization.normalize(pseudonym);
    }

    private void remember(String studyId, String pseudonym, ParticipantKey key) {
        byParticipant.put(key.participant(), key);
        // two rows that differ only in form were two participants before normalisation: the one stored in normalised
        // form keeps the pseudonym, the other stays readable by its reference
        if (pseudonym.equals(Normalization.normalize(pseudonym))) {
            byPseudonym.put(pseudonymKey(studyId, pseudonym), key.participant());
        } else {
            byPseudonym.putIfAbsent(pseudonymKey(studyId, pseudonym), key.participant());
        }
    }

    @Override
    public ParticipantKey obtain(String studyId, String pseudonym) {
        // the common case, a participant seen before, needs no lock: both maps are concurrent and a key is
        // remembered only after it is stored (profiled: concurrent writers queued here behind key inserts)
        ParticipantKey key = known(studyId, pseudonym);
        if (key != null) {
            return key;
        }
        KeyRequest request = new KeyRequest(studyId, pseudonym);
        store(List.of(request));
        return request.key;
    }

    @Override
    public void obtainAll(String studyId, Collection<String> pseudonyms) {
        List<KeyRequest> requests = new ArrayList<>();
        for (String pseudonym : pseudonyms) {
            if (known(studyId, pseudonym) == null) {
                requests.add(new KeyRequest(studyId, pseudonym));
            }
        }
        if (!requests.isEmpty()) {
            store(requests);
        }
    }

    private ParticipantKey known(String studyId, String pseudonym) {
        String participant = byPseudonym.get(pseudonymKey(studyId, pseudonym));
        return participant == null ? null : byParticipant.get(participant);
    }

    /**
     * Group commit: every commit of this file writes a chunk of it, and the keys of concurrent first submissions
     * used to be committed one after the other (a tenth of a submission's time, profiled). A request joins the queue;
     * whoever holds the lock next stores every queued request in one transaction, so a writer that waited for the
     * lock usually finds its key already stored by the one before it.
     */
    private void store(List<KeyRequest> requests) {
        waiting.addAll(requests);
        synchronized (this) {
            if (requests.stream().anyMatch(r -> !r.done())) {
                storeWaiting();
            }
        }
        for (KeyRequest request : requests) {
            if (!request.done() || request.failure != null) {
                throw new IllegalStateException("cannot store a participant key", request.failure);
            }
        }
    }

    /**
     * Under the lock: stores the keys of every waiting request in one transaction. If that fails, each new key is
     * stored on its own, so that only a participant whose key cannot be stored gets an error, not everyone who
     * happened to be in the same group.
     */
    private void storeWaiting() {
        List<KeyRequest> batch = new ArrayList<>();
        for (KeyRequest r = waiting.poll(); r != null; r = waiting.poll()) {
            batch.add(r);
        }
        try {
            // one new key per participant, however often the participant was asked for
            Map<String, KeyRequest> created = new LinkedHashMap<>();
            for (KeyRequest r : batch) {
                ParticipantKey existing = known(r.studyId, r.pseudonym);
                if (existing != null) {
                    r.key = existing;
                    continue;
                }
                KeyRequest first = created.computeIfAbsent(pseudonymKey(r.studyId, r.pseudonym), k -> r);
                if (first == r) {
                    r.key = new ParticipantKey(UUID.randomUUID().toString(), PersonalDataSealer.newKey());
                }
            }
            List<KeyRequest> unstored = new ArrayList<>(created.values());
            if (unstored.size() > 1 && insert(unstored)) {
                unstored.forEach(r -> remember(r.studyId, r.pseudonym, r.key));
            } else {
                for (KeyRequest r : unstored) {
                    if (insert(List.of(r))) {
                        remember(r.studyId, r.pseudonym, r.key);
                    } else {
                        r.key = null;
                    }
                }
            }
            // the other requests for the same participants share the first one's outcome
            for (KeyRequest r : batch) {
                KeyRequest first = created.get(pseudonymKey(r.studyId, r.pseudonym));
                if (first != null && first != r) {
                    r.key = first.key;
                    r.failure = first.failure;
                }
            }
        } catch (RuntimeException | Error e) {
            // whatever went wrong, no request taken from the queue may be left without an outcome
            for (KeyRequest r : batch) {
                if (r.failure == null && (r.key == null || known(r.studyId, r.pseudonym) == null)) {
                    r.key = null;
                    r.failure = e;
                }
            }
            throw e;
        }
    }

    /** Inserts the keys in one transaction; false (and nothing stored) if the database refused it. */
    private boolean insert(List<KeyRequest> requests) {
        Connection connection;
        try {
            connection = connection();
            connection.setAutoCommit(false);
        } catch (SQLException | IllegalStateException e) {
            requests.forEach(r -> r.failure = e);
            return false;
        }
        boolean committed = false;
        try (PreparedStatement insert = connection.prepareStatement(
                INSERT)) {
            for (KeyRequest r : requests) {
                insert.setString(1, r.key.participant());
                insert.setString(2, r.studyId);
                insert.setString(3, r.pseudonym);
                insert.setBytes(4, r.key.key().getEncoded());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the transaction is abandoned with the connection's state; the failure below is what counts
            }
            requests.forEach(r -> r.failure = e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // a committed insert stays committed and is reported so; a connection that cannot switch back is
                // broken, and the next statement on it fails with its own error
            }
        }
        if (committed) {
            requests.forEach(r -> r.failure = null);
        }
        return committed;
    }

    /** A participant whose key is wanted; filled in (key or failure) under the store's lock. */
    private static final class KeyRequest {
        final String studyId;
        final String pseudonym;
        ParticipantKey key;
        Throwable failure;

        KeyRequest(String studyId, String pseudonym) {
            this.studyId = studyId;
            this.pseudonym = Normalization.normalize(pseudonym); // stored as it is compared
        }

        boolean done() {
            return key != null || failure != null;
        }
    }

    @Override
    public Optional<ParticipantKey> find(String participant) {
        return Optional.ofNullable(participant == null ? null : byParticipant.get(participant));
    }

    @Override
    public Optional<String> participantOf(String studyId, String pseudonym) {
        return Optional.ofNullable(byPseudonym.get(pseudonymKey(studyId, pseudonym)));
    }

    @Override
    public synchronized boolean destroy(String participant) {
        ParticipantKey key = byParticipant.remove(participant);
        byPseudonym.values().removeIf(participant::equals);
        if (key == null) {
            return false;
        }
        try (Connection erasing = connection();
             PreparedStatement delete = erasing.prepareStatement("DELETE FROM participant_keys WHERE participant = ?")) {
            delete.setString(1, participant);
            delete.executeUpdate();
            database.shred(erasing);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase a participant key", e);
        } finally {
            open(); // shredding may close the database under the connection (H2's SHUTDOWN COMPACT)
        }
        return true;
    }

    @Override
    public synchronized List<StoredKey> exportKeys() {
        List<StoredKey> out = new ArrayList<>();
        try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT participant, study_id, pseudonym, key_bytes FROM participant_keys ORDER BY study_id, pseudonym")) {
            while (rs.next()) {
                out.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the participant keys", e);
        }
        return out;
    }

    @Override
    public synchronized void importKey(StoredKey key) {
        try {
            insert(connection(), key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the key of participant " + key.participant(), e);
        }
        remember(key.studyId(), key.pseudonym(), new ParticipantKey(key.participant(),
                new SecretKeySpec(key.key(), "AES")));
    }

    /** Stores a key as it was, on {@code connection} (in its transaction, if one is open). */
    public static void insert(Connection connection, StoredKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, key.participant());
            insert.setString(2, key.studyId());
            insert.setString(3, key.pseudonym());
            insert.setBytes(4, key.key());
            insert.executeUpdate();
        }
    }

    @Override
    public synchronized long keyCount() {
        return byParticipant.size();
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
