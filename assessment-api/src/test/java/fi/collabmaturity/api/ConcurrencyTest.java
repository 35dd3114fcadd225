package fi.collabmaturity.api;

import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: no update is lost on one record, and one Idempotency-Key records one thing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyTest {

    static final Path dataDir = TestData.freshFolder("concurrency");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "concurrency-admin");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;

    @Test
    void concurrentWritesToOneInterviewLoseNoFinding() throws Exception {
        ApiClient api = new ApiClient(port, "admin", "concurrency-admin");
        String s = setUp(api, "conc1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<String> recorded = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    String id = "t" + thread + "-" + i;
                    String body = "{\"id\":\"" + id + "\",\"areaId\":\"a1\",\"dimension\":\"trust\",\"stage\":2}";
                    ApiClient.Response r = api.post(s + "/interviews/i1/findings", body);
                    for (int retry = 0; r.status() == 409 && retry < 10; retry++) {
                        // a conflicting client gets 409 and may retry
                        assertThat(r.json().path("type").asText()).endsWith("concurrent-modification");
                        r = api.post(s + "/interviews/i1/findings", body);
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    recorded.add(id);
                }
                return recorded;
            }));
        }
        Set<String> recorded = new HashSet<>();
        for (Future<List<String>> f : results) {
            recorded.addAll(f.get());
        }
        pool.shutdown();
        Set<String> stored = new HashSet<>();
        api.get(s + "/interviews/i1?minPosition=" + positions.head()).json().path("findings")
                .forEach(f -> stored.add(f.path("id").asText()));
        assertThat(recorded).hasSize(120);
        assertThat(stored).isEqualTo(recorded);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyRecordOnce() throws Exception {
        ApiClient api = new ApiClient(port, "admin", "concurrency-admin");
        String s = setUp(api, "conc2");
        String body = Slice.selfAssessment("a1", "w1", "retrying-respondent", "{\"trust\":2.5}");
        long before = positions.head();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:concurrency-admin"
                .getBytes(StandardCharsets.UTF_8));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<HttpResponse<String>> call = () -> {
                start.await();
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + s
                                + "/self-assessments")).header("Authorization", auth)
                        .header("Content-Type", "application/json").header("Idempotency-Key", "retry-42")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            };
            responses.add(pool.submit(call));
        }
        start.countDown();
        Set<String> locations = new HashSet<>();
        for (Future<HttpResponse<String>> f : responses) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            locations.add(r.headers().firstValue("Location").orElseThrow());
        }
        pool.shutdown();
        assertThat(locations).as("every retry answers the first response").hasSize(1);
        // one self-assessment: its submission and the respondent slot it takes
        assertThat(positions.head()).as("exactly one answer recorded").isEqualTo(before + 2);
    }

    private static String setUp(ApiClient api, String studyId) {
        String s = "/api/v1/studies/" + studyId;
        assertThat(api.post("/api/v1/studies", Slice.study(studyId)).status()).isEqualTo(201);
        assertThat(api.post(s + "/waves", Slice.wave("w1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/areas", Slice.area("a1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"H\",\"organisationType\":\"ngo\",\"actorLevel\":\"operations\"},"
                + "\"areaIds\":[\"a1\"]}").status()).isEqualTo(201);
        return s;
    }
}
