package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.SliceScenario;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop the application and start it again on the same data folder: the study, its events and the read models are
 * there, and the processors continue from their stored tokens instead of replaying from zero.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsEventsReadModelsAndTokensAcrossARestart() {
        JsonNode before;
        long position;
        ApiClient.Response idempotent;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            SliceScenario.record(api, "restart-study");
            idempotent = api.sendWithHeader("POST", "/api/v1/studies/restart-study/waves", "Idempotency-Key",
                    "wave-2024-once", "{\"id\":\"w2024\",\"label\":\"2024\",\"opensOn\":\"2024-09-01\","
                            + "\"closesOn\":\"2024-12-31\"}");
            assertThat(idempotent.status()).isEqualTo(201);
            position = idempotent.position();
            ApiClient.Response profile = api.get("/api/v1/studies/restart-study/areas/lapland-hyte/profile"
                    + "?waveId=w2023&minPosition=" + position);
            assertThat(profile.status()).isEqualTo(200);
            before = profile.json();
            // let every projection finish before the stop, so that nothing is left for the second start
            assertThat(api.get("/api/v1/studies?minPosition=" + position).status()).isEqualTo(200);
            ProjectionAdmin projections = first.getBean(ProjectionAdmin.class);
            long deadline = System.nanoTime() + 30_000_000_000L;
            for (String processor : AxonConfiguration.PROCESSORS) {
                while (!projections.caughtUp(processor, position) && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                assertThat(projections.caughtUp(processor, position)).as(processor + " caught up").isTrue();
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            assertThat(second.getBean(EventLogPositions.class).head()).isEqualTo(position);
            assertThat(api.get("/api/v1/studies/restart-study").status()).isEqualTo(200);

            ApiClient.Response profile = api.get("/api/v1/studies/restart-study/areas/lapland-hyte/profile"
                    + "?waveId=w2023&minPosition=" + position);
            assertThat(profile.status()).isEqualTo(200);
            SliceScenario.assertProfile(profile.json());
            assertThat(profile.json()).isEqualTo(before);

            // the Idempotency-Key is remembered across the restart: the retry answers the first response
            ApiClient.Response retried = api.sendWithHeader("POST", "/api/v1/studies/restart-study/waves",
                    "Idempotency-Key", "wave-2024-once", "{\"id\":\"w2024\",\"label\":\"2024\","
                            + "\"opensOn\":\"2024-09-01\",\"closesOn\":\"2024-12-31\"}");
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.body()).isEqualTo(idempotent.body());
            assertThat(second.getBean(EventLogPositions.class).head()).isEqualTo(position);

            // caught up (the read above waited for it) without handling a single event again
            MeterRegistry meters = second.getBean(MeterRegistry.class);
            for (String processor : AxonConfiguration.PROCESSORS) {
                assertThat(api.get("/api/v1/studies?minPosition=" + position).status()).isEqualTo(200);
                assertThat(meters.get("assessment.projection.events").tag("processor", processor).counter().count())
                        .as("events handled again by " + processor).isZero();
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AssessmentApplication.class)
                .run("--server.port=0", "--assessment.storage.data-dir=" + dataDir,
                        "--assessment.admin-password=restart-secret");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient(port, "admin", "restart-secret");
    }
}
