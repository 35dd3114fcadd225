package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results are reused only while the read models stay at one version, and every flush that changes a read model
 * (with or without a new position) gives a new version; forgetting a projection's progress (a replay) too.
 */
class ResultCacheTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aResultIsComputedOncePerVersionAndCallersGetTheirOwnCopy() {
        ResultCache<Document> cache = new ResultCache<>(Document::new);
        AtomicInteger computed = new AtomicInteger();
        Document first = cache.get("v1", "profile|a1", () -> new Document("n", computed.incrementAndGet()));
        first.put("n", 99); // a caller changing its copy must not change what others get
        Document second = cache.get("v1", "profile|a1", () -> new Document("n", computed.incrementAndGet()));
        assertThat(second.getInteger("n")).isEqualTo(1);
        assertThat(cache.get("v1", "profile|a2", () -> new Document("n", computed.incrementAndGet()))
                .getInteger("n")).isEqualTo(2);
        assertThat(cache.get("v2", "profile|a1", () -> new Document("n", computed.incrementAndGet()))
                .getInteger("n")).as("a new version recomputes").isEqualTo(3);
        assertThat(computed.get()).isEqualTo(3);
    }

    /** Both ways of reading the version: asking the store every time, and as the store's only writer. */
    @ParameterizedTest(name = "only writer: {0}")
    @ValueSource(booleans = {false, true})
    void everyFlushThatChangesAReadModelGivesANewVersion(boolean onlyWriter) {
        MongoDatabase database = client.getDatabase("versions-" + onlyWriter);
        ProgressQueries progress = new ProgressQueries(database, onlyWriter);
        String empty = progress.snapshot("p").version();

        PendingWrites withEvents = new PendingWrites(database, "p");
        withEvents.stage("c", new UpdateOneModel<>(Filters.eq("_id", "x"), Updates.set("v", 1),
                new UpdateOptions().upsert(true)));
        withEvents.handled(new Progress(10, Instant.parse("2025-01-01T00:00:00Z")));
        withEvents.flush();
        ProgressQueries.Snapshot afterFirst = progress.snapshot("p");
        assertThat(afterFirst.version()).isNotEqualTo(empty);
        assertThat(afterFirst.asOf().getLong("position")).isEqualTo(10L);

        PendingWrites sameEventsAgain = new PendingWrites(database, "p"); // e.g. a dead letter retried
        sameEventsAgain.stage("c", new UpdateOneModel<>(Filters.eq("_id", "x"), Updates.set("v", 2),
                new UpdateOptions().upsert(true)));
        sameEventsAgain.flush();
        ProgressQueries.Snapshot afterRetry = progress.snapshot("p");
        assertThat(afterRetry.version()).isNotEqualTo(afterFirst.version());
        assertThat(afterRetry.asOf().getLong("position")).as("no event, no new position").isEqualTo(10L);

        new PendingWrites(database, "p").flush();
        assertThat(progress.snapshot("p").version()).as("nothing changed").isEqualTo(afterRetry.version());

        progress.forget("p");
        PendingWrites replayed = new PendingWrites(database, "p");
        replayed.stage("c", new UpdateOneModel<>(Filters.eq("_id", "x"), Updates.set("v", 1),
                new UpdateOptions().upsert(true)));
        replayed.handled(new Progress(10, Instant.parse("2025-01-01T00:00:00Z")));
        replayed.flush();
        assertThat(progress.snapshot("p").version()).as("a replay starts a new epoch, even at the same position")
                .isNotEqualTo(afterFirst.version());
    }

    @Test
    void theOnlyWriterAnswersFromWhatItReadUntilItWritesAgainAndOthersAskTheStore() {
        MongoDatabase database = client.getDatabase("only-writer");
        ProgressQueries onlyWriter = new ProgressQueries(database, true);
        ProgressQueries shared = new ProgressQueries(database, false);
        PendingWrites first = new PendingWrites(database, "p");
        first.handled(new Progress(5, Instant.parse("2025-01-01T00:00:00Z")));
        first.flush();
        String version = onlyWriter.snapshot("p").version();

        // a write this process did not make (on the embedded default nothing else can write the store)
        database.getCollection(Progress.COLLECTION).updateOne(Filters.eq("_id", "p"), Updates.inc("flushes", 1L));
        assertThat(onlyWriter.snapshot("p").version()).as("not asked again").isEqualTo(version);
        assertThat(shared.snapshot("p").version()).as("asked every time").isNotEqualTo(version);

        PendingWrites second = new PendingWrites(database, "p");
        second.handled(new Progress(6, Instant.parse("2025-01-01T00:00:01Z")));
        second.flush();
        ProgressQueries.Snapshot after = onlyWriter.snapshot("p");
        assertThat(after.version()).isEqualTo(shared.snapshot("p").version());
        assertThat(after.asOf().getLong("position")).isEqualTo(6L);
    }
}
