package fi.collabmaturity.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.collabmaturity.privacy.ParticipantKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The production key store through the real MongoDB driver, on the in-process server (no MongoDB server here). */
class MongoParticipantKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void obtainAllStoresTheMissingKeysOnceAndKeepsTheKnownOnes() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir.resolve("keys.mv.db"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoParticipantKeyStore store = new MongoParticipantKeyStore(client.getDatabase("app"));
            ParticipantKey known = store.obtain("s1", "A");

            store.obtainAll("s1", List.of("A", "B", "C", "B"));
            store.obtainAll("s1", List.of("C", "D"));
            store.obtainAll("s2", List.of("A"));

            assertThat(store.exportKeys()).extracting(k -> k.studyId() + "/" + k.pseudonym())
                    .containsExactly("s1/A", "s1/B", "s1/C", "s1/D", "s2/A");
            assertThat(store.obtain("s1", "A").participant()).isEqualTo(known.participant());
            ParticipantKey c = store.obtain("s1", "C");
            assertThat(store.find(c.participant()).orElseThrow().key().getEncoded()).isEqualTo(c.key().getEncoded());
            assertThat(store.participantOf("s2", "A")).isPresent().get().isNotEqualTo(known.participant());
        }
    }

    @Test
    void findsAParticipantStoredBeforePseudonymsWereNormalisedUnderTheComposedForm() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir.resolve("keys.mv.db"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoParticipantKeyStore store = new MongoParticipantKeyStore(client.getDatabase("app"));
            // a key as an earlier version stored it: the pseudonym as sent, decomposed
            store.importKey(new StoredKey("earlier", "s1", "A\u0308ija\u0308-7", new byte[32]));

            assertThat(store.participantOf("s1", "\u00C4ij\u00E4-7")).contains("earlier");
            assertThat(store.obtain("s1", " \u00C4ij\u00E4-7\u00A0").participant()).isEqualTo("earlier");
            store.obtainAll("s1", List.of("\u00C4ij\u00E4-7", "O\u0308ljy-1"));

            assertThat(store.keyCount()).isEqualTo(2);
            assertThat(store.exportKeys()).extracting(StoredKey::pseudonym).contains("\u00D6ljy-1");
        }
    }
}
