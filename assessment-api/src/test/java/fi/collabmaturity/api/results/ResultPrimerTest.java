package fi.collabmaturity.api.results;

import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the read models have settled after a change, the results are ready before anyone asks: the first reads of
 * an overview, a profile and a path are served from the cache, the same as computed on demand, and a later write
 * is still seen by the next read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResultPrimerTest {

    static final Path dataDir = TestData.freshFolder("result-primer");
    static final String STUDY = "primed";
    static final String S = "/api/v1/studies/" + STUDY;
    static final List<String> RESULTS = List.of("overview", "profile", "path");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "primer-admin-pw");
        registry.add("assessment.results.prime-after", () -> "300ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    ResultPrimer primer;
    @Autowired
    MaturityQueries maturity;
    @Autowired
    MeterRegistry meters;

    @Test
    void preparesTheResultsOnceTheReadModelsSettle() throws InterruptedException {
        ApiClient api = new ApiClient(port, "admin", "primer-admin-pw");
        // the primer has taken the empty store as the state found at start, so the writes below are a change to it
        for (int i = 0; i < 600 && primer.primedVersion() == null; i++) {
            Thread.sleep(100);
        }
        assertThat(primer.primedVersion()).as("the primer looked at the read models").isNotNull();
        long position = SliceScenario.record(api, STUDY);
        // the maturity read models have everything up to the last write (the reliability is no cached result)
        assertThat(api.get(S + "/reliability?minPosition=" + position).status()).isEqualTo(200);
        awaitPrimed();

        Map<String, Double> missesBefore = counts("miss");
        Map<String, Double> hitsBefore = counts("hit");
        assertThat(counts("primed").values()).as("the primer computed each kind of result")
                .allSatisfy(n -> assertThat(n).isGreaterThan(0));
        ApiClient.Response overview = api.get(S + "/overview?waveId=w2023&minPosition=" + position);
        ApiClient.Response profile = api.get(S + "/areas/lapland-hyte/profile?waveId=w2023&minPosition=" + position);
        ApiClient.Response path = api.get(S + "/areas/lapland-hyte/path?lang=sv&minPosition=" + position);
        for (ApiClient.Response response : List.of(overview, profile, path)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        SliceScenario.assertProfile(profile.json());
        assertThat(path.json().path("language").asText()).isEqualTo("sv");
        assertThat(path.json().path("waveId").asText()).isEqualTo("w2023");
        assertThat(overview.json().path("areas")).hasSize(1);
        assertThat(counts("miss")).as("no first read computed its result").isEqualTo(missesBefore);
        Map<String, Double> hits = counts("hit");
        RESULTS.forEach(result -> assertThat(hits.get(result)).as(result).isEqualTo(hitsBefore.get(result) + 1));

        // a write after that is seen by the next read: what was prepared belongs to the version before it
        int n = SliceScenario.dimension(profile.json(), "trust").path("sources").path("selfAssessments").path("n")
                .asInt();
        ApiClient.Response recorded = api.post(S + "/self-assessments",
                Slice.selfAssessment("lapland-hyte", "w2023", "late-respondent", "{\"trust\":3.0}"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        ApiClient.Response after = api.get(S + "/areas/lapland-hyte/profile?waveId=w2023&minPosition="
                + recorded.position());
        assertThat(SliceScenario.dimension(after.json(), "trust").path("sources").path("selfAssessments")
                .path("n").asInt()).isEqualTo(n + 1);
    }

    /** Waits (up to a minute; not a timing assertion) until the primer has prepared the current version. */
    private void awaitPrimed() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String version = maturity.snapshot().version();
            if (version.equals(primer.primedVersion()) && counts("primed").get("path") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the results of version " + maturity.snapshot().version() + " were not prepared");
    }

    private Map<String, Double> counts(String outcome) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String result : RESULTS) {
            Counter counter = meters.find("assessment.result.cache.requests").tag("result", result)
                    .tag("outcome", outcome).counter();
            counts.put(result, counter == null ? 0 : counter.count());
        }
        return counts;
    }
}
