package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch's updates of one document are merged, and the documents end up exactly as one update at a time. */
class PendingWritesTest {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void mergedUpdatesGiveTheSameDocumentsAsOneByOne() {
        SplittableRandom random = new SplittableRandom(11);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String id = "doc-" + random.nextInt(5);
            int kind = random.nextInt(10);
            String key = "items.k" + random.nextInt(30);
            if (kind < 5) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.set("name", id),
                        Updates.set(key, new Document("v", i).append("flag", false))), UPSERT));
            } else if (kind < 7) {
                // a path inside a path set before: must not be merged into it
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.set(key + ".flag", true), UPSERT));
            } else if (kind < 9) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.set("last", i),
                        Updates.max("version", (long) random.nextInt(1000))), UPSERT));
            } else if (random.nextInt(10) == 0) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id).append("reset", i),
                        new ReplaceOptions().upsert(true)));
            } else {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.unset("last"), UPSERT));
            }
        }
        MongoDatabase oneByOne = client.getDatabase("one_by_one");
        for (WriteModel<Document> write : writes) {
            oneByOne.getCollection("c").bulkWrite(List.of(write));
        }
        MongoDatabase merged = client.getDatabase("merged");
        PendingWrites pending = new PendingWrites(merged, "test");
        writes.forEach(w -> pending.stage("c", w));
        pending.flush();

        List<Document> expected = oneByOne.getCollection("c").find().sort(new Document("_id", 1)).into(new ArrayList<>());
        List<Document> actual = merged.getCollection("c").find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(actual).hasSize(5).isEqualTo(expected);
    }

    @Test
    void manyUpdatesOfOneDocumentBecomeOne() {
        MongoDatabase database = client.getDatabase("few");
        PendingWrites pending = new PendingWrites(database, "test");
        for (int i = 0; i < 500; i++) {
            pending.stage("c", new UpdateOneModel<>(Filters.eq("_id", "evidence"),
                    Updates.combine(Updates.set("areaId", "a"), Updates.set("answers.r" + i, i)), UPSERT));
        }
        assertThat(pending.stagedWrites("c")).isEqualTo(1);
        pending.flush();
        Document doc = database.getCollection("c").find().first();
        assertThat(doc.get("answers", Document.class)).hasSize(500);
    }

    @Test
    void entriesAreInsertedOnceAndABatchHandledAgainKeepsThem() {
        MongoDatabase database = client.getDatabase("entries");
        PendingWrites first = new PendingWrites(database, "test");
        for (int i = 0; i < 10; i++) {
            first.stageEntry("log", new Document("_id", "e" + i).append("n", i));
        }
        first.flush();
        // the same batch again after a crash, with two entries the crash had kept from being written
        PendingWrites again = new PendingWrites(database, "test");
        for (int i = 0; i < 12; i++) {
            again.stageEntry("log", new Document("_id", "e" + i).append("n", i));
        }
        again.flush();

        List<Document> stored = database.getCollection("log").find().sort(new Document("n", 1)).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.getInteger("n")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(database.getCollection("projection_progress").find(Filters.eq("_id", "test")).first()
                .getInteger("layout")).as("the progress document, written last").isEqualTo(1);
    }

    @Test
    void aCollectionTakesEntriesOrOtherWritesInABatchNotBoth() {
        PendingWrites pending = new PendingWrites(client.getDatabase("mixed"), "test");
        pending.stageEntry("log", new Document("_id", "e1"));
        assertThatThrownBy(() -> pending.stage("log", new UpdateOneModel<>(Filters.eq("_id", "e1"),
                Updates.set("n", 1), UPSERT))).isInstanceOf(IllegalStateException.class);
        pending.stage("other", new UpdateOneModel<>(Filters.eq("_id", "x"), Updates.set("n", 1), UPSERT));
        assertThatThrownBy(() -> pending.stageEntry("other", new Document("_id", "e2")))
                .isInstanceOf(IllegalStateException.class);
    }
}
