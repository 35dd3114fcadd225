package fi.collabmaturity.api.storage.readmodel;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void indexKeysCompareAsEqualExactlyWhenTheyAreEqualAndReadBackAsWritten() {
        IndexKeyType type = new IndexKeyType();
        SplittableRandom random = new SplittableRandom(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(randomKey(random));
        }
        for (KeyValue a : keys) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, a);
            KeyValue read = type.read(buffer.getBuffer().flip());
            assertThat(read).isEqualTo(a);
            assertThat(type.compare(read, a)).isZero();
            for (KeyValue b : keys) {
                int ab = type.compare(a, b);
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(type.compare(b, a)));
            }
        }
        // a total order: sorting agrees with every pairwise comparison (transitivity)
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(type::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(type.compare(sorted.get(i), sorted.get(j))).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void documentsAreStoredAsBsonAndReadBackEqual() {
        DocumentValueType type = new DocumentValueType();
        de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("stage", 2)
                .append("codes", List.of("A1", "B2")).append("withdrawn", false);
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "s:a:w")
                .append("int", 7).append("long", 1L << 40).append("double", 3.25).append("none", null)
                .append("when", java.time.Instant.ofEpochMilli(1_764_000_000_123L))
                .append("uuid", new UUID(3, 4)).append("oid", new ObjectId("0123456789abcdef01234567"))
                .append("bytes", new de.bwaldvogel.mongo.bson.BinData(new byte[] {1, 2, 3}))
                .append("findings", new de.bwaldvogel.mongo.bson.Document("i1:f1", nested))
                .append("list", List.of(1, "two", nested));

        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        java.nio.ByteBuffer written = buffer.getBuffer().flip();
        assertThat(written.get(0)).isEqualTo(DocumentValueType.BSON);
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(written.remaining()).isZero();

        // a value written by H2's own type (a store from before) reads back as well
        WriteBuffer old = new WriteBuffer();
        new org.h2.mvstore.type.ObjectDataType().write(old, document);
        assertThat(type.read(old.getBuffer().flip())).isEqualTo(document);

        // a document BSON cannot hold is written in H2's format rather than lost
        de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("_id", "x")
                .append("date", new java.util.Date(5)); // not a BSON type of mongo-java-server
        WriteBuffer fallback = new WriteBuffer();
        type.write(fallback, odd);
        java.nio.ByteBuffer fallbackWritten = fallback.getBuffer().flip();
        assertThat(fallbackWritten.get(0)).isNotEqualTo(DocumentValueType.BSON);
        assertThat(type.read(fallbackWritten)).isEqualTo(odd);
    }

    @Test
    void opensAStoreWrittenWithH2sOwnIndexesAndRebuildsThemFromTheDocuments() {
        Path file = dir.resolve("legacy.mv.db");
        MongoServer legacy = new MongoServer(new H2Backend(file.toString()));
        String uri = "mongodb://127.0.0.1:" + legacy.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                things.insertOne(new Document("_id", "thing-" + i).append("code", i).append("n", 1));
            }
        }
        legacy.shutdownNow(); // commits

        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(file);
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            assertThat(things.countDocuments()).isEqualTo(300);
            assertThat(things.find(Filters.eq("_id", "thing-123")).first()).containsEntry("code", 123);
            assertThat(things.find(Filters.eq("code", 250)).first()).containsEntry("_id", "thing-250");
            // an upsert of a known id updates it (no second document, no "already existed")
            things.updateOne(Filters.eq("_id", "thing-7"), Updates.set("n", 2), new UpdateOptions().upsert(true));
            assertThat(things.countDocuments()).isEqualTo(300);
            assertThat(things.find(Filters.eq("_id", "thing-7")).first()).containsEntry("n", 2);
            // both unique indexes still refuse duplicates
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "thing-9").append("code", 1000)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "new").append("code", 9)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .contains("app.things._keys__id_", "app.things._keys_code_1");
            // old documents in H2's format and the rewritten one in BSON, side by side in one map
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = store.openMap(
                    "databases.app.things", new org.h2.mvstore.MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .valueType(new DocumentValueType()));
            assertThat(documents).hasSize(300);
            assertThat(documents.get("thing-7")).containsEntry("n", 2).containsEntry("code", 7);
            assertThat(documents.get("thing-8")).containsEntry("n", 1).containsEntry("code", 8);
        } finally {
            store.close();
        }
    }

    @Test
    void aNormalStopGivesTheFileBackTheSpaceFreedWhileItWasOpen() throws java.io.IOException {
        Path file = dir.resolve("store.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0)
                .open();
        CommitBetweenCommands backend = new CommitBetweenCommands(store, 50);
        MongoServer server = new MongoServer(backend);
        String padding = "x".repeat(1_000);
        long open;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            // each round rewrites every document and is committed as its own chunk, as a rebuild's batches are
            for (int round = 0; round < 60; round++) {
                for (int i = 0; i < 100; i++) {
                    things.updateOne(Filters.eq("_id", "thing-" + i), Updates.combine(Updates.set("round", round),
                            Updates.set("padding", padding)), new UpdateOptions().upsert(true));
                }
                if (round % 2 == 0) {
                    backend.compact(4 << 20); // as the running store does every second commit
                } else {
                    backend.commit();
                }
            }
            open = java.nio.file.Files.size(file);
        }
        server.shutdownNow();
        assertThat(java.nio.file.Files.size(file)).isLessThan(open / 4);

        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(file);
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            assertThat(things.countDocuments()).isEqualTo(100);
            assertThat(things.find(Filters.eq("_id", "thing-42")).first()).containsEntry("round", 59);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "thing-5"))) // its _id index came along
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void aCommandAfterWhichMoreThanTheBoundIsUnsavedCommitsAtOnce() {
        for (long bound : new long[] {1, Long.MAX_VALUE}) {
            MVStore store = new MVStore.Builder().fileName(dir.resolve("store-" + bound + ".mv.db").toString())
                    .autoCommitDisabled().autoCommitBufferSize(0).open();
            MongoServer server = new MongoServer(new CommitBetweenCommands(store, 50, bound));
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                client.getDatabase("app").getCollection("things").insertOne(new Document("_id", "thing-1"));
                // nothing else commits here: without the bound the write waits for the next periodic commit
                assertThat(store.hasUnsavedChanges()).as("unsaved after a write, bound %d", bound)
                        .isEqualTo(bound == Long.MAX_VALUE);
            } finally {
                server.shutdownNow();
            }
        }
    }

    @Test
    void knowsWhenH2ClosedTheStoreAfterAnErrorAndWhenItWasStopped() {
        MVStore failing = new MVStore.Builder().fileName(dir.resolve("failing.mv.db").toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        CommitBetweenCommands failed = new CommitBetweenCommands(failing, 50);
        assertThat(failed.closedByError()).isFalse();
        failing.closeImmediately(); // what H2 does after an error in a commit (e.g. out of heap)
        assertThat(failed.closedByError()).isTrue();

        MVStore stopping = new MVStore.Builder().fileName(dir.resolve("stopping.mv.db").toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        CommitBetweenCommands stopped = new CommitBetweenCommands(stopping, 50);
        stopped.close();
        assertThat(stopped.closedByError()).isFalse();
    }

    @Test
    void aRewriteAtAStopThatWasCutShortLeavesTheStoreAsItWas() throws java.io.IOException {
        Path file = dir.resolve("store.mv.db");
        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(file);
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            client.getDatabase("app").getCollection("things").insertOne(new Document("_id", "thing-1").append("n", 1));
        }
        // what a process killed while copying the live data leaves beside the file: a partly written copy
        Path copy = dir.resolve("store.mv.db.tempFile");
        java.nio.file.Files.write(copy, new byte[4096]);
        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(file);
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            assertThat(client.getDatabase("app").getCollection("things").find().first()).containsEntry("n", 1);
            assertThat(copy).doesNotExist(); // removed at the start, before anything could take it for the store
        }
    }

    @Test
    void keepsItsIndexesAcrossARestart() {
        Path file = dir.resolve("store.mv.db");
        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(file);
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            for (int i = 0; i < 200; i++) {
                things.updateOne(Filters.eq("_id", "thing-" + i), Updates.set("n", i), new UpdateOptions().upsert(true));
            }
        }
        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(file);
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            for (int i = 0; i < 200; i += 2) {
                things.updateOne(Filters.eq("_id", "thing-" + i), Updates.set("n", -i), new UpdateOptions().upsert(true));
            }
            assertThat(things.countDocuments()).isEqualTo(200);
            assertThat(things.find(Filters.eq("_id", "thing-42")).first()).containsEntry("n", -42);
            assertThat(things.find(Filters.eq("_id", "thing-43")).first()).containsEntry("n", 43);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "thing-5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void collectionsDoNotCountTheirBytesButStillAnswerCollStats() {
        try (EmbeddedMongoServer embedded = new EmbeddedMongoServer(dir.resolve("store.mv.db"));
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("app").getCollection("things");
            for (int i = 0; i < 50; i++) {
                things.insertOne(new Document("_id", "thing-" + i).append("text", "x".repeat(1000)));
            }
            things.updateOne(Filters.eq("_id", "thing-1"), Updates.set("text", "y".repeat(5000)));
            things.deleteOne(Filters.eq("_id", "thing-2"));

            Document stats = client.getDatabase("app").runCommand(new Document("collStats", "things"));
            assertThat(stats.get("count", Number.class).intValue()).isEqualTo(49);
            // mongo-java-server would have encoded every document written to count these bytes (over 50,000)
            assertThat(stats.get("size", Number.class).longValue()).isZero();
            assertThat(things.find(Filters.eq("_id", "thing-1")).first().getString("text")).hasSize(5000);
        }
    }

    /** A document of 20 fields (Java serialization of such a map depends on its table size, not only on content). */
    private static de.bwaldvogel.mongo.bson.Document wideDocument(int variant, boolean reversed) {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < 20; i++) {
            int field = reversed ? 19 - i : i;
            document.append("f" + field, field == 7 ? variant : field);
        }
        return document;
    }

    private static KeyValue randomKey(SplittableRandom random) {
        int size = 1 + random.nextInt(2);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(switch (random.nextInt(10)) {
                case 0 -> null;
                case 1 -> (double) random.nextInt(5);
                case 2 -> Long.MAX_VALUE - random.nextInt(3);
                case 3 -> "id-" + random.nextInt(6);
                case 4 -> random.nextBoolean();
                case 5 -> new UUID(0, random.nextInt(4));
                case 6 -> new ObjectId("00000000000000000000000" + random.nextInt(4));
                case 7 -> new de.bwaldvogel.mongo.bson.Document("a", random.nextInt(3));
                case 8 -> List.of((double) random.nextInt(2), "x" + random.nextInt(2));
                default -> wideDocument(random.nextInt(2), random.nextBoolean());
            });
        }
        return new KeyValue(values);
    }
}
