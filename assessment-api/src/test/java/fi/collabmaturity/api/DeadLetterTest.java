package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.projection.support.FlushAtBatchEnd;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler that throws on one event does not stop its processor or lose the event: the event goes to the
 * processor's dead-letter queue, shows in GET /admin/projections, and is handled again by a retry after the fix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterTest {

    static final Path dataDir = TestData.freshFolder("deadletters");
    static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "dlq-admin");
    }

    /** A handler in the maturity projection's processor that fails on "poison" records while it is broken. */
    @ProcessingGroup("maturity")
    static class PoisonSensitiveHandler {
        @EventHandler
        void on(SelfAssessmentSubmitted e) {
            if (BROKEN.get() && e.selfAssessmentId().startsWith("poison")) {
                throw new IllegalStateException("a bug in a projection, triggered by " + e.selfAssessmentId());
            }
            FlushAtBatchEnd.pending().stage("poison_test", new UpdateOneModel<>(Filters.eq("_id", "seen"),
                    Updates.set("ids." + e.selfAssessmentId(), true), new UpdateOptions().upsert(true)));
        }
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        PoisonSensitiveHandler poisonSensitiveHandler() {
            return new PoisonSensitiveHandler();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase readModels;
    @Autowired
    ProjectionAdmin projections;

    @Test
    void parksTheFailingEventAndHandlesItAgainAfterTheFix() throws Exception {
        ApiClient api = new ApiClient(port, "admin", "dlq-admin");
        String s = "/api/v1/studies/dlq";
        assertThat(api.post("/api/v1/studies", Slice.study("dlq")).status()).isEqualTo(201);
        assertThat(api.post(s + "/waves", Slice.wave("w1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/areas", Slice.area("a1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/self-assessments", "{\"id\":\"poison-1\"," + body("P1")).status()).isEqualTo(201);
        ApiClient.Response later = api.post(s + "/self-assessments", "{\"id\":\"healthy-1\"," + body("P2"));
        assertThat(later.status()).isEqualTo(201);

        assertThat(api.get(s + "/areas/a1/profile?waveId=w1&minPosition=" + later.position()).status())
                .as("the processor went on past the failing event").isEqualTo(200);
        assertThat(seen()).containsEntry("healthy-1", true).doesNotContainKey("poison-1");
        // a later event of the parked sequence (the same self-assessment) waits behind it, in order
        ApiClient.Response withdrawal = api.send("DELETE", s + "/self-assessments/poison-1?reason=test", null, null);
        assertThat(withdrawal.status()).isEqualTo(200);
        assertThat(api.get(s + "/areas/a1/profile?waveId=w1&minPosition=" + withdrawal.position()).status())
                .isEqualTo(200);
        JsonNode maturity = projection(api, "maturity");
        assertThat(maturity.path("deadLetters").asLong()).isEqualTo(2);
        assertThat(maturity.path("status").asText()).isEqualTo("running");

        // a rebuild while still broken parks the two events again, once: not behind their letters from before
        assertThat(api.post("/api/v1/admin/projections/maturity/replay", "").status()).isEqualTo(202);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!projections.caughtUp("maturity", withdrawal.position()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(projections.caughtUp("maturity", withdrawal.position())).isTrue();
        assertThat(projection(api, "maturity").path("deadLetters").asLong()).isEqualTo(2);

        BROKEN.set(false);
        ApiClient.Response retry = api.post("/api/v1/admin/projections/maturity/dead-letters/retry", "");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("processedSequences").asInt()).isEqualTo(1);
        assertThat(projection(api, "maturity").path("deadLetters").asLong()).isZero();
        assertThat(seen()).containsEntry("poison-1", true).containsEntry("healthy-1", true);
        JsonNode profile = api.get(s + "/areas/a1/profile?waveId=w1").json();
        assertThat(profile.path("dimensions").get(0).path("sources").path("selfAssessments").path("n").asInt())
                .as("the parked submission and then its withdrawal were handled: only healthy-1 counts").isEqualTo(1);
    }

    /** An answer by {@code pseudonym}: one respondent answers an area once per wave. */
    private static String body(String pseudonym) {
        return "\"areaId\":\"a1\",\"waveId\":\"w1\",\"respondent\":{\"pseudonym\":\"" + pseudonym + "\",\"organisationType\":\"ngo\","
                + "\"actorLevel\":\"operations\"},\"answers\":{\"trust\":2.0}}";
    }

    private Document seen() {
        Document doc = readModels.getCollection("poison_test").find(Filters.eq("_id", "seen")).first();
        return doc == null ? new Document() : doc.get("ids", new Document());
    }

    private static JsonNode projection(ApiClient api, String name) {
        for (JsonNode p : api.get("/api/v1/admin/projections").json().path("projections")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
