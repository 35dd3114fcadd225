package fi.collabmaturity.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF on the stateless API, over real HTTP with the headers a browser sends: a write from a page of another site
 * is refused before anything is recorded, whatever its content type and also without a body; writes from the API's
 * own origin, from a configured origin and from clients that are not browsers pass; a 401 never asks a browser
 * for Basic credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteWriteTest {

    static final Path dataDir = TestData.freshFolder("cross-site");
    static final String S = "/api/v1/studies/csrf";
    static final String ALLOWED = "https://app.example.org";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "csrf-admin");
        registry.add("assessment.security.allowed-origins", () -> ALLOWED + ", http://localhost:3000/");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    ParticipantKeyStore keys;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ApiClient admin;

    @BeforeAll
    void aStudyWithAWaveAndAParticipant() {
        admin = new ApiClient(port, "admin", "csrf-admin");
        assertThat(admin.post("/api/v1/studies", Slice.study("csrf")).status()).isEqualTo(201);
        assertThat(admin.post(S + "/waves", Slice.wave("w1")).status()).isEqualTo(201);
        assertThat(admin.post(S + "/areas", Slice.area("a1")).status()).isEqualTo(201);
        assertThat(admin.post(S + "/self-assessments", Slice.selfAssessment("a1", "w1", "P1", "{\"trust\":2.0}"))
                .status()).isEqualTo(201);
    }

    /** A request as a browser sends it: Basic credentials it has cached, and where the request comes from. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:csrf-admin".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void refused(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asText())
                .isEqualTo("urn:collab-maturity:problem:cross-site-request");
    }

    @Test
    void writesFromAPageOfAnotherSiteAreRefusedAndNothingIsRecorded() throws IOException {
        long before = positions.head();
        String crossSite = "Sec-Fetch-Site";
        // a form post and a text/plain fetch that need no preflight, as an attacker's page makes them
        refused(send("POST", "/api/v1/studies", "application/x-www-form-urlencoded", "title=x",
                "Origin", "https://evil.example", crossSite, "cross-site"));
        refused(send("POST", "/api/v1/studies", "text/plain", Slice.study("evil"),
                "Origin", "https://evil.example", crossSite, "cross-site"));
        // bodyless: a wave closed, a participant erased, a projection replayed
        refused(send("POST", S + "/waves/w1/close", null, null, crossSite, "cross-site"));
        refused(send("POST", S + "/participants/P1/erasure", null, null, "Origin", "https://evil.example"));
        refused(send("POST", "/api/v1/admin/projections/maturity/replay", null, null,
                "Origin", "null", crossSite, "cross-site"));
        // another origin of the same site, and a browser that sends only Origin
        refused(send("PUT", S + "/scoring-policy", "application/json", "{\"minimumN\":5}", crossSite, "same-site"));
        refused(send("DELETE", S + "/self-assessments/x", "application/json", "{\"reason\":\"r\"}",
                "Origin", "http://127.0.0.1:" + (port + 1)));
        refused(send("POST", S + "/waves/w1/close", null, null, "Origin", "null"));

        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);
        assertThat(admin.get("/api/v1/studies/evil").status()).isEqualTo(404);
        assertThat(admin.get(S + "/waves").body()).doesNotContain("\"closed\":true");
        assertThat(keys.participantOf("csrf", "P1")).as("not erased").isPresent();
    }

    @Test
    void writesFromTheApisOwnOriginAnAllowedOriginAndNonBrowsersPass() {
        assertThat(send("POST", "/api/v1/studies", "application/json", Slice.study("own"),
                "Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/studies", "application/json", Slice.study("typed"),
                "Sec-Fetch-Site", "none").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/studies", "application/json", Slice.study("allowed"),
                "Origin", ALLOWED, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/studies", "application/json", Slice.study("local-dev"),
                "Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(201);
        // curl -u, R, Python: credentials sent without being asked, no Origin
        assertThat(admin.post("/api/v1/studies", Slice.study("curl")).status()).isEqualTo(201);
        // reads are not writes: a cross-site GET is answered (the browser keeps the answer from the other page)
        assertThat(send("GET", S, null, null, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingOrWrongPasswordIsNotAnsweredWithABasicChallenge() {
        for (ApiClient client : new ApiClient[]{new ApiClient(port, null, null), admin.as("admin", "wrong")}) {
            ApiClient.Response response = client.get("/api/v1/studies");
            assertThat(response.status()).isEqualTo(401);
            String challenge = response.header("WWW-Authenticate");
            assertThat(challenge).as("a 401 names a challenge").isNotBlank();
            assertThat(challenge.strip().toLowerCase()).as("but not Basic, which opens the browser's dialog")
                    .doesNotStartWith("basic");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
