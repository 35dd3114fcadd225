package fi.collabmaturity.api.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.admin.ProjectionAdmin;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Framework versions over real HTTP: a study created at an older version computes with it, a researcher moves it
 * to the newer one (recorded as an event, shown in the audit trail), every result and the export follow, a
 * projection rebuilt from the log gives the same, and bad requests record nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrameworkUpgradeTest {

    static final Path dataDir = TestData.freshFolder("framework-upgrade");
    static final String S = "/api/v1/studies/versioned";
    static final String FRAMEWORK = "/api/v1/frameworks/keast-mandell-2014";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "upgrade-admin-pw");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    ProjectionAdmin projections;
    long last;

    @Test
    void aStudyKeepsItsVersionUntilAResearcherUpgradesItAndEveryResultFollows() throws Exception {
        ApiClient admin = new ApiClient(port, "admin", "upgrade-admin-pw");
        ApiClient rita = admin.createAccount("rita", "RESEARCHER");
        ApiClient ville = admin.createAccount("ville", "RESEARCHER");

        // an unknown version: 400 naming the field, nothing recorded
        long before = positions.head();
        ApiClient.Response unknown = rita.post("/api/v1/studies", study("9.9.9"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("field")).containsExactly("frameworkVersion");
        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);
        assertThat(admin.get(S).status()).isEqualTo(404);

        ApiClient.Response created = write(rita.post("/api/v1/studies", study("1.0.0")));
        assertThat(created.json().path("framework").path("version").asText()).isEqualTo("1.0.0");
        write(rita.post(S + "/members", "{\"username\":\"ville\",\"role\":\"VIEWER\"}"));
        write(rita.post(S + "/waves", Slice.wave("w1")));
        write(rita.post(S + "/areas", Slice.area("a1")));
        for (String respondent : new String[] {"R1", "R2", "R3"}) {
            write(rita.post(S + "/self-assessments", Slice.selfAssessment("a1", "w1", respondent,
                    "{\"trust\":2.0,\"power\":1.0}")));
        }
        assertThat(framework(get(rita, S + "/areas/a1/profile?waveId=w1"))).isEqualTo("1.0.0");
        assertThat(framework(get(rita, S + "/overview?waveId=w1"))).isEqualTo("1.0.0");
        long beforeUpgrade = last;

        // refusals record nothing: the same version, an older or unknown one, a viewer
        before = positions.head();
        ApiClient.Response same = rita.put(S + "/framework", "{\"version\":\"1.0.0\"}");
        assertThat(same.status()).as(same.toString()).isEqualTo(409);
        assertThat(same.json().path("detail").asText()).contains("already uses keast-mandell-2014 1.0.0");
        for (String bad : new String[] {"{\"version\":\"0.9.0\"}", "{\"version\":\"2.0.0\"}", "{\"version\":null}",
                "{}"}) {
            ApiClient.Response refused = rita.put(S + "/framework", bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).as(bad).containsExactly("version");
        }
        assertThat(ville.put(S + "/framework", "{\"version\":\"1.1.0\"}").status()).isEqualTo(403);
        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);

        ApiClient.Response upgraded = write(rita.put(S + "/framework", "{\"version\":\"1.1.0\"}"));
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.json().path("id").asText()).isEqualTo("versioned");
        assertThat(upgraded.json().path("framework").path("version").asText()).isEqualTo("1.1.0");
        assertThat(get(rita, S).path("framework").path("version").asText()).isEqualTo("1.1.0");
        assertThat(get(rita, "/api/v1/studies").path("content").findValuesAsText("version")).containsExactly("1.1.0");
        JsonNode profile = get(rita, S + "/areas/a1/profile?waveId=w1");
        assertThat(framework(profile)).as("the study's profiles are recomputed with the new version")
                .isEqualTo("1.1.0");
        assertThat(framework(get(rita, S + "/overview?waveId=w1"))).isEqualTo("1.1.0");
        assertThat(rita.put(S + "/framework", "{\"version\":\"1.0.0\"}").status()).as("never back").isEqualTo(400);

        JsonNode audit = get(admin, S + "/audit?action=StudyFrameworkUpgraded");
        assertThat(audit.path("content")).hasSize(1);
        JsonNode entry = audit.path("content").get(0);
        assertThat(entry.path("user").asText()).isEqualTo("rita");
        assertThat(entry.path("summary").path("frameworkId").asText()).isEqualTo("keast-mandell-2014");
        assertThat(entry.path("summary").path("fromVersion").asText()).isEqualTo("1.0.0");
        assertThat(entry.path("summary").path("toVersion").asText()).isEqualTo("1.1.0");

        // the export scores with the version in force at its point and says which one that is
        JsonNode manifest = manifest(S + "/export?asOf=" + last);
        assertThat(manifest.path("frameworks").get(0).path("versionAtStudyCreation").asText()).isEqualTo("1.0.0");
        assertThat(manifest.path("frameworks").get(0).path("scoresComputedWith").asText()).isEqualTo("1.1.0");
        assertThat(manifest.path("frameworks").get(0).path("version").asText()).isEqualTo("1.1.0");
        JsonNode past = manifest(S + "/export?asOf=" + beforeUpgrade);
        assertThat(past.path("frameworks").get(0).path("scoresComputedWith").asText()).isEqualTo("1.0.0");

        // a projection rebuilt from the log gives the same profile, the version included
        long head = positions.head();
        assertThat(admin.post("/api/v1/admin/projections/maturity/replay", "").status()).isEqualTo(202);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!projections.caughtUp("maturity", head) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(projections.caughtUp("maturity", head)).isTrue();
        assertThat(get(rita, S + "/areas/a1/profile?waveId=w1")).isEqualTo(profile);
    }

    @Test
    void listsEveryFrameworkWithItsVersionsAndGivesEachVersion() {
        ApiClient admin = new ApiClient(port, "admin", "upgrade-admin-pw");

        JsonNode list = get(admin, "/api/v1/frameworks");
        assertThat(list.path("content")).hasSize(1);
        JsonNode newest = list.path("content").get(0);
        assertThat(newest.path("version").asText()).isEqualTo("1.1.0");
        assertThat(newest.path("versions").toString()).isEqualTo("[\"1.0.0\",\"1.1.0\"]");
        assertThat(newest.path("dimensions")).hasSize(8);

        assertThat(get(admin, FRAMEWORK).path("version").asText()).isEqualTo("1.1.0");
        JsonNode older = get(admin, FRAMEWORK + "?version=1.0.0");
        assertThat(older.path("version").asText()).isEqualTo("1.0.0");
        assertThat(older.path("versions").toString()).isEqualTo("[\"1.0.0\",\"1.1.0\"]");
        ApiClient.Response missing = admin.get(FRAMEWORK + "?version=3.0.0");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().path("detail").asText()).contains("no version 3.0.0");
        assertThat(admin.get("/api/v1/frameworks/nope?version=1.0.0").status()).isEqualTo(404);
    }

    private static String study(String version) {
        return "{\"id\":\"versioned\",\"title\":\"Versioned\",\"frameworkId\":\"keast-mandell-2014\","
                + "\"frameworkVersion\":\"" + version + "\"}";
    }

    private static String framework(JsonNode result) {
        return result.path("framework").path("version").asText();
    }

    private ApiClient.Response write(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        last = Math.max(last, response.position());
        return response;
    }

    private JsonNode get(ApiClient api, String path) {
        ApiClient.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + last);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode manifest(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("rita:rita-password-1".getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("manifest.json")) {
                    return JSON.readTree(zip.readAllBytes());
                }
            }
        }
        throw new AssertionError("no manifest.json in the export");
    }
}
