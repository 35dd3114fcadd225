package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.admin.ReadModelLayouts;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.storage.StorageProperties;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.DemoResults;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.projection.maturity.MaturityProjection;
import fi.collabmaturity.projection.studies.StudiesProjection;
import fi.collabmaturity.projection.support.Progress;
import fi.collabmaturity.projection.support.ReadModelLayout;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results are reproducible: the demo study (three waves, four areas, interviews with double coding,
 * self-assessments, structural evidence) is read through every result endpoint, every projection is rebuilt from
 * zero, and every result must come back identical, to the last digit and including its asOf. The same holds for
 * the rebuild that upgrades read models of an earlier layout at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReplayEqualsLiveContract {

    static final String PASSWORD = "replay-admin";

    /** The demo study, an admin password and the data folder; each subclass adds its event log. */
    static void demoStudyIn(Path dataDir, DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> PASSWORD);
        registry.add("assessment.demo", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    ProjectionAdmin projections;
    @Autowired
    ReadModelLayouts layouts;
    @Autowired
    MongoDatabase readModels;
    @Autowired
    MongoClient mongo;
    @Autowired
    StorageProperties storage;
    @Autowired
    Serializer serializer;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyResultIsTheSameAfterRebuildingAllProjectionsFromZero() throws Exception {
        ApiClient api = new ApiClient(port, "admin", PASSWORD);
        long head = positions.head();
        Map<String, JsonNode> live = DemoResults.collect(api, head);
        assertThat(live.get("/profile/hyte/w2025").path("overall").path("score").isNumber()).isTrue();
        assertThat(live.get("/path/hyte").path("targets").size()).isPositive();
        assertThat(live.get("/reliability").path("alpha").isNumber()).isTrue();

        for (String processor : AxonConfiguration.PROCESSORS) {
            ApiClient.Response replay = api.post("/api/v1/admin/projections/" + processor + "/replay", "");
            assertThat(replay.status()).isEqualTo(202);
        }
        for (String processor : AxonConfiguration.PROCESSORS) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!projections.caughtUp(processor, head) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(projections.caughtUp(processor, head)).as(processor + " rebuilt").isTrue();
        }
        Map<String, JsonNode> replayed = DemoResults.collect(api, head);

        assertThat(replayed.keySet()).isEqualTo(live.keySet());
        for (String key : live.keySet()) {
            assertThat(replayed.get(key)).as(key).isEqualTo(live.get(key));
        }
    }

    @Test
    void readModelsOfAnEarlierLayoutAreRebuiltAndGiveTheSameResults() throws Exception {
        ApiClient api = new ApiClient(port, "admin", PASSWORD);
        long head = positions.head();
        Map<String, JsonNode> before = DemoResults.collect(api, head);
        assertThat(ReadModelLayout.stored(readModels, "maturity")).as("a store built from nothing records its layout")
                .isEqualTo(MaturityProjection.LAYOUT);
        assertThat(layouts.rebuildOutdated()).isEmpty();

        // what the store of a version before numbered layouts holds: no number, and documents of the old shape
        readModels.getCollection(Progress.COLLECTION).updateOne(Filters.eq("_id", "maturity"), Updates.unset("layout"));
        readModels.getCollection("maturity_overviews").insertOne(new Document("_id", "lapland-demo/w2025")
                .append("areas", new Document("hyte", new Document("overall", 1))));
        assertThat(layouts.rebuildOutdated()).containsExactly("maturity");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!projections.caughtUp("maturity", head) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(projections.caughtUp("maturity", head)).isTrue();

        assertThat(readModels.getCollection("maturity_overviews").countDocuments(Filters.eq("_id", "lapland-demo/w2025")))
                .as("the old document went with the rebuild").isZero();
        assertThat(ReadModelLayout.stored(readModels, "maturity")).isEqualTo(MaturityProjection.LAYOUT);
        assertThat(ReadModelLayout.stored(readModels, "studies")).isEqualTo(StudiesProjection.LAYOUT);
        assertThat(layouts.rebuildOutdated()).as("rebuilt once").isEmpty();
        Map<String, JsonNode> after = DemoResults.collect(api, head);
        for (String key : before.keySet()) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
    }

    @Test
    void aRebuildRefusedWhileAnotherInstanceHoldsTheProjectionChangesNothingAndThisOneRunsOn() {
        StreamingEventProcessor maturity = processing.eventProcessor("maturity", StreamingEventProcessor.class)
                .orElseThrow();
        // another instance on the same store takes the projection's segment while this one lets it go
        TokenStore anotherInstance = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo, storage.database()).build())
                .serializer(serializer).nodeId("another-instance").build();
        maturity.shutDown();
        anotherInstance.fetchToken("maturity", 0);
        long profiles = readModels.getCollection("maturity_profiles").countDocuments();
        readModels.getCollection(Progress.COLLECTION)
                .updateOne(Filters.eq("_id", "maturity"), Updates.unset("layout"));
        try {
            assertThat(layouts.rebuildOutdated()).isEmpty();
            assertThat(maturity.isRunning()).as("this instance's processor runs on").isTrue();
            assertThat(ReadModelLayout.stored(readModels, "maturity")).as("not recorded").isEqualTo(1);
            assertThat(readModels.getCollection("maturity_profiles").countDocuments()).as("nothing dropped")
                    .isEqualTo(profiles).isPositive();
            // the replay endpoint says so, and changes nothing either
            ApiClient api = new ApiClient(port, "admin", PASSWORD);
            assertThat(api.post("/api/v1/admin/projections/maturity/replay", "").status()).isEqualTo(409);
            assertThat(maturity.isRunning()).isTrue();
            assertThat(ReadModelLayout.stored(readModels, "maturity")).isEqualTo(1);
        } finally {
            anotherInstance.releaseClaim("maturity", 0);
            ReadModelLayout.record(readModels, "maturity", MaturityProjection.LAYOUT);
        }
    }
}
