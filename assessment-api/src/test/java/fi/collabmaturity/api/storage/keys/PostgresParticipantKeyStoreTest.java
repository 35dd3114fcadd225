package fi.collabmaturity.api.storage.keys;

import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import fi.collabmaturity.privacy.ParticipantKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The participant keys in the event log's PostgreSQL database, on a real server. */
@RequiresPostgres
class PostgresParticipantKeyStoreTest {

    RealPostgres.Database database;

    @BeforeEach
    void database() {
        database = RealPostgres.newDatabase("keys");
    }

    @AfterEach
    void drop() {
        RealPostgres.drop(database);
    }

    JdbcParticipantKeyStore open() {
        return JdbcParticipantKeyStore.postgres(database.url(), database.user(), database.password());
    }

    @Test
    void concurrentFirstUsesGetOneKeyPerParticipantThatSurvivesAReopen() throws Exception {
        Map<String, List<ParticipantKey>> seen = new ConcurrentHashMap<>();
        try (JdbcParticipantKeyStore store = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int p = 0; p < 30; p++) {
                        seen.computeIfAbsent("P" + p, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(store.obtain("s1", "P" + p));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        try (JdbcParticipantKeyStore reopened = open(); Connection c = database.connect()) {
            assertThat(reopened.keyCount()).isEqualTo(30);
            assertThat(count(c, "SELECT COUNT(*) FROM participant_keys")).isEqualTo(30);
            for (int p = 0; p < 30; p++) {
                ParticipantKey stored = reopened.find(reopened.participantOf("s1", "P" + p).orElseThrow()).orElseThrow();
                assertThat(seen.get("P" + p)).hasSize(8).allSatisfy(key -> {
                    assertThat(key.participant()).isEqualTo(stored.participant());
                    assertThat(key.key().getEncoded()).isEqualTo(stored.key().getEncoded());
                });
            }
        }
    }

    /**
     * An erased key leaves the table's files: VACUUM FULL writes the table into a new file, and the file that held
     * the key is emptied (PostgreSQL truncates it at once and unlinks it at the next checkpoint).
     */
    @Test
    void erasingAKeyRewritesTheTableSoTheOldFileNoLongerHoldsIt() throws Exception {
        try (JdbcParticipantKeyStore store = open(); Connection c = database.connect()) {
            String erased = store.obtain("s1", "A").participant();
            String kept = store.obtain("s1", "B").participant();
            String before = filePath(c);

            assertThat(store.destroy(erased)).isTrue();

            assertThat(count(c, "SELECT COUNT(*) FROM participant_keys WHERE participant = '" + erased + "'")).isZero();
            assertThat(filePath(c)).as("the table is in a new file").isNotEqualTo(before);
            Path data = Path.of(System.getenv("ASSESSMENT_TEST_POSTGRES_DIR"), "data");
            Path old = data.resolve(before);
            if (Files.isReadable(data)) {
                assertThat(!Files.exists(old) || Files.size(old) == 0).as("the old file " + old + " is empty or gone")
                        .isTrue();
            }
            assertThat(store.find(erased)).isEmpty();
            assertThat(store.find(kept)).isPresent();
        }
        try (JdbcParticipantKeyStore reopened = open()) {
            assertThat(reopened.keyCount()).isEqualTo(1);
            assertThat(reopened.participantOf("s1", "A")).isEmpty();
        }
    }

    /** A connection the server ended (a restart, a failover) is replaced on the next use. */
    @Test
    void reconnectsWhenTheServerEndedItsConnection() throws Exception {
        try (JdbcParticipantKeyStore store = open()) {
            store.obtain("s1", "A");
            try (Connection c = RealPostgres.server(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "' AND application_name = 'collab-maturity participant keys'");
            }
            String b = store.obtain("s1", "B").participant();
            assertThat(store.exportKeys()).extracting(StoredKey::participant).contains(b);
        }
    }

    private static String filePath(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_relation_filepath('participant_keys')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
