package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes and metrics as an operator meets them (metrics export is off in tests unless asked for). */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    static final Path dataDir = TestData.freshFolder("operations");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "ops-admin-password");
    }

    @LocalServerPort
    int port;

    @Test
    void probesAnswerWithoutCredentialsAndShowNoDetails() {
        ApiClient anonymous = new ApiClient(port, null, null);
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = anonymous.get(probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("UP");
            assertThat(response.json().has("components")).as("no details for anonymous callers").isFalse();
        }
        ApiClient admin = new ApiClient(port, "admin", "ops-admin-password");
        assertThat(admin.get("/actuator/health/readiness").json().path("components").fieldNames())
                .toIterable().contains("eventLog", "readModelStore", "projections", "readinessState");
    }

    /**
     * The details an admin sees of each store and projection, field by field: operators' scripts and dashboards read
     * them, so they are part of what the probes promise.
     */
    @Test
    void readinessDetailsNameTheStoresAndEveryProjection() {
        ApiClient admin = new ApiClient(port, "admin", "ops-admin-password");
        JsonNode components = admin.get("/actuator/health/readiness").json().path("components");

        JsonNode eventLog = components.path("eventLog");
        assertThat(eventLog.path("status").asText()).isEqualTo("UP");
        assertThat(fields(eventLog.path("details"))).containsExactlyInAnyOrder("head", "store");
        assertThat(eventLog.path("details").path("store").asText()).isEqualTo("h2");
        assertThat(eventLog.path("details").path("head").isIntegralNumber()).isTrue();

        assertThat(fields(components.path("readModelStore"))).containsExactly("status");
        assertThat(components.path("readModelStore").path("status").asText()).isEqualTo("UP");

        JsonNode projections = components.path("projections");
        assertThat(fields(projections)).containsExactlyInAnyOrder("status", "details");
        assertThat(fields(projections.path("details"))).containsExactly("projections");
        List<String> names = new ArrayList<>();
        for (JsonNode row : projections.path("details").path("projections")) {
            assertThat(fields(row)).as(row.toString())
                    .containsExactlyInAnyOrder("name", "position", "lag", "status", "deadLetters");
            assertThat(row.path("name").isTextual()).as(row.toString()).isTrue();
            assertThat(row.path("status").isTextual()).as(row.toString()).isTrue();
            assertThat(row.path("position").isIntegralNumber()).as(row.toString()).isTrue();
            assertThat(row.path("lag").isIntegralNumber()).as(row.toString()).isTrue();
            assertThat(row.path("deadLetters").isIntegralNumber()).as(row.toString()).isTrue();
            names.add(row.path("name").asText());
        }
        assertThat(names).isEqualTo(AxonConfiguration.PROCESSORS);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void metricsNeedAdminAndCountWritesAndLag() {
        ApiClient admin = new ApiClient(port, "admin", "ops-admin-password");
        assertThat(new ApiClient(port, null, null).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/accounts", "{\"username\":\"r1\",\"password\":\"researcher-pw-1\","
                + "\"roles\":[\"RESEARCHER\"]}").status()).isEqualTo(201);
        assertThat(admin.as("r1", "researcher-pw-1").get("/actuator/prometheus").status()).isEqualTo(403);

        assertThat(admin.post("/api/v1/studies", Slice.study("ops")).status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/studies/ops/export").status()).isEqualTo(200);
        String metrics = admin.get("/actuator/prometheus").body();
        assertThat(metrics).contains("assessment_writes_total{kind=\"CreateStudy\"} 1.0");
        assertThat(metrics).contains("assessment_projection_lag_events{processor=\"maturity\"}");
        assertThat(metrics).contains("assessment_projection_dead_letters{processor=\"studies\"} 0.0");
        assertThat(metrics).contains("commandBus_successCounter_total").as("Axon's own metrics");
        // the export's metrics are recorded when its stream ends, which the client may see a moment earlier
        for (int i = 0; i < 50 && !metrics.contains("assessment_export_bytes_count"); i++) {
            metrics = admin.get("/actuator/prometheus").body();
        }
        assertThat(metrics).containsPattern("assessment_export_seconds_count 1(\\.0)?\\n")
                .containsPattern("assessment_export_bytes_count 1(\\.0)?\\n");
    }
}
