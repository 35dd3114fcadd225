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
        ResultCache cache = new ResultCache();
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

    @Test
    void everyFlushThatChangesAReadModelGivesANewVersion() {
        MongoDatabase database = client.getDatabase("versions");
        ProgressQueries progress = new ProgressQueries(database);
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
}
