package fi.collabmaturity.api.storage.keys;

import fi.collabmaturity.privacy.ParticipantKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The embedded default's key store, on a real H2 file: keys stored together stay one per participant and durable. */
class H2ParticipantKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void concurrentFirstUsesGetOneKeyPerParticipantThatSurvivesAReopen() throws Exception {
        Map<String, List<ParticipantKey>> seen = new ConcurrentHashMap<>();
        try (JdbcParticipantKeyStore store = JdbcParticipantKeyStore.h2(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    // every thread asks for the same 50 participants, so that requests meet in one group
                    for (int p = 0; p < 50; p++) {
                        ParticipantKey key = store.obtain("s1", "P" + p);
                        seen.computeIfAbsent("P" + p, k -> new CopyOnWriteArrayList<>()).add(key);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(store.keyCount()).isEqualTo(50);
        }
        try (JdbcParticipantKeyStore reopened = JdbcParticipantKeyStore.h2(dir)) {
            assertThat(reopened.keyCount()).isEqualTo(50);
            for (int p = 0; p < 50; p++) {
                List<ParticipantKey> keys = seen.get("P" + p);
                assertThat(keys).hasSize(8);
                ParticipantKey stored = reopened.find(reopened.participantOf("s1", "P" + p).orElseThrow()).orElseThrow();
                for (ParticipantKey key : keys) {
                    assertThat(key.participant()).isEqualTo(stored.participant());
                    assertThat(key.key().getEncoded()).isEqualTo(stored.key().getEncoded());
                }
            }
        }
    }

    @Test
    void obtainAllStoresTheMissingKeysAndKeepsTheKnownOnes() throws Exception {
        try (JdbcParticipantKeyStore store = JdbcParticipantKeyStore.h2(dir)) {
            ParticipantKey before = store.obtain("s1", "A");
            store.obtainAll("s1", List.of("A", "B", "C", "B"));
            store.obtainAll("s2", List.of("A"));

            assertThat(store.keyCount()).isEqualTo(4);
            assertThat(store.obtain("s1", "A").participant()).isEqualTo(before.participant());
            assertThat(store.participantOf("s2", "A")).isPresent().get().isNotEqualTo(before.participant());
        }
        try (JdbcParticipantKeyStore reopened = JdbcParticipantKeyStore.h2(dir)) {
            assertThat(reopened.keyCount()).isEqualTo(4);
            assertThat(reopened.participantOf("s1", "C")).isPresent();
        }
    }

    @Test
    void aKeyThatCannotBeStoredFailsOnlyItsOwnParticipant() throws Exception {
        try (JdbcParticipantKeyStore store = JdbcParticipantKeyStore.h2(dir)) {
            // a row the store does not know of (written behind its back) makes the insert of "B" fail
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("participant-keys"), "sa", "");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO participant_keys VALUES (?,?,?,?)")) {
                insert.setString(1, "someone-else");
                insert.setString(2, "s1");
                insert.setString(3, "B");
                insert.setBytes(4, new byte[32]);
                insert.executeUpdate();
            }

            assertThatThrownBy(() -> store.obtainAll("s1", List.of("A", "B", "C")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("participant key");

            // the group's transaction failed as a whole; then each key was tried on its own, and only B failed
            assertThat(store.participantOf("s1", "B")).isEmpty();
            String a = store.participantOf("s1", "A").orElseThrow();
            String c = store.participantOf("s1", "C").orElseThrow();
            assertThat(store.exportKeys()).extracting(StoredKey::participant)
                    .containsExactlyInAnyOrder("someone-else", a, c);
            assertThatThrownBy(() -> store.obtain("s1", "B")).isInstanceOf(IllegalStateException.class);
            // the connection is back to committing each statement: a key stored afterwards is in the file
            assertThat(store.obtain("s1", "D").participant()).isNotBlank();
        }
        try (JdbcParticipantKeyStore reopened = JdbcParticipantKeyStore.h2(dir)) {
            assertThat(reopened.participantOf("s1", "D")).isPresent();
            assertThat(reopened.keyCount()).isEqualTo(4);
        }
    }

    @Test
    void findsAParticipantStoredBeforePseudonymsWereNormalisedUnderTheComposedForm() throws Exception {
        String decomposed = "A\u0308ija\u0308-7";
        String composed = "\u00C4ij\u00E4-7";
        try (JdbcParticipantKeyStore store = JdbcParticipantKeyStore.h2(dir)) {
            // a key as an earlier version stored it: the pseudonym as sent, decomposed
            store.importKey(new StoredKey("earlier", "s1", decomposed, new byte[32]));

            assertThat(store.participantOf("s1", composed)).contains("earlier");
            assertThat(store.obtain("s1", " " + composed + "\u00A0").participant()).isEqualTo("earlier");
            assertThat(store.keyCount()).isEqualTo(1);
        }
        try (JdbcParticipantKeyStore reopened = JdbcParticipantKeyStore.h2(dir)) {
            assertThat(reopened.participantOf("s1", composed)).contains("earlier");
            assertThat(reopened.obtain("s1", decomposed).participant()).isEqualTo("earlier");
            assertThat(reopened.keyCount()).isEqualTo(1);
            // and a new participant's key is stored in the composed form
            reopened.obtain("s1", "O\u0308ljy-1");
            assertThat(reopened.exportKeys()).extracting(StoredKey::pseudonym).contains("\u00D6ljy-1");
        }
    }

    /**
     * Erasing a key compacts the file with SHUTDOWN COMPACT, which ends the database under the store's connection.
     * That connection must still be closed: an unclosed one is found by H2 once it is garbage-collected, and
     * reported in the database's trace file ("connection was not closed", error 90018) when the next connection
     * opens.
     */
    @Test
    void erasingAKeyClosesTheConnectionItCompacted() throws Exception {
        // connections left unclosed elsewhere in this JVM are reported to whichever database opens next: report
        // them to a scratch database first, so that only this store's connections can reach its trace file
        reportUnclosedConnections("jdbc:h2:mem:drain");
        try (JdbcParticipantKeyStore store = JdbcParticipantKeyStore.h2(dir)) {
            List<String> participants = new ArrayList<>();
            for (String pseudonym : List.of("A", "B", "C")) {
                participants.add(store.obtain("s1", pseudonym).participant());
            }
            for (String participant : participants) {
                assertThat(store.destroy(participant)).isTrue();
            }
            assertThat(store.keyCount()).isZero();
            reportUnclosedConnections("jdbc:h2:file:" + dir.resolve("participant-keys"));
            assertThat(store.exportKeys()).isEmpty();
        }
        Path trace = dir.resolve("participant-keys.trace.db");
        String traced = Files.exists(trace) ? Files.readString(trace) : "";
        assertThat(traced).doesNotContain("90018").doesNotContain("not closed");
    }

    /** Lets the collector find unreachable connections, then opens one to {@code url}, which reports them. */
    private static void reportUnclosedConnections(String url) throws Exception {
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(20); // the reference handler enqueues what the collector found
            try (Connection ignored = DriverManager.getConnection(url, "sa", "")) {
                // opening is what reports them
            }
        }
    }

    @Test
    void keepsItsFileReadableByItsOwnerOnlyAlsoAfterCompaction() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("participant-keys.mv.db");
        try (JdbcParticipantKeyStore store = JdbcParticipantKeyStore.h2(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String participant = store.obtain("s1", "A").participant();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            store.destroy(participant); // rewrites the file
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
