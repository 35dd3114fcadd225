package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.readmodel.EmbeddedMongoServer;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.SliceScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The first slice over real HTTP on the embedded default (H2 event log, in-process MongoDB-wire read models). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedSliceTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "test-admin-password");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    ApplicationContext context;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, "admin", "test-admin-password");
    }

    @Test
    void runsTheSliceAndComputesTheProfile() {
        String studyId = "s-" + UUID.randomUUID().toString().substring(0, 8);
        long position = SliceScenario.record(api, studyId);

        ApiClient.Response profile = api.get("/api/v1/studies/" + studyId
                + "/areas/lapland-hyte/profile?waveId=w2023&minPosition=" + position);

        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        SliceScenario.assertProfile(profile.json());
        assertThat(profile.json().path("asOf").path("position").asLong()).isGreaterThanOrEqualTo(position);
    }

    /**
     * A result is served as the projection keeps it, the same until a write changes it, and a write that changes
     * it is seen by the next read that asks for its position.
     */
    @Test
    void servesAResultAgainUntilAWriteChangesIt() {
        String studyId = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        long position = SliceScenario.record(api, studyId);
        String profilePath = "/api/v1/studies/" + studyId + "/areas/lapland-hyte/profile?waveId=w2023&minPosition=";

        ApiClient.Response first = api.get(profilePath + position);
        ApiClient.Response second = api.get(profilePath + position);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Content-Type")).startsWith("application/json");
        int n = SliceScenario.dimension(first.json(), "trust").path("sources").path("selfAssessments").path("n")
                .asInt();

        ApiClient.Response recorded = api.post("/api/v1/studies/" + studyId + "/self-assessments",
                Slice.selfAssessment("lapland-hyte", "w2023", "cache-respondent", "{\"trust\":3.0}"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        ApiClient.Response after = api.get(profilePath + recorded.position());

        assertThat(SliceScenario.dimension(after.json(), "trust").path("sources").path("selfAssessments").path("n")
                .asInt()).isEqualTo(n + 1);
        assertThat(after.json().path("asOf").path("position").asLong()).isGreaterThanOrEqualTo(recorded.position());
    }

    @Test
    void keepsEverythingUnderTheDataFolderWithTheEmbeddedReadModelStore() {
        assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).hasSize(1);
        assertThat(Files.exists(dataDir.resolve("events.mv.db"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("readmodels.mv.db"))).isTrue();
    }

    @Test
    void refusesBadInputWithProblemDetailsNamingTheFieldAndRecordsNothing() {
        String studyId = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        SliceScenario.record(api, studyId);
        String path = "/api/v1/studies/" + studyId + "/self-assessments";
        long before = positions.head();

        ApiClient.Response offScale = api.post(path, Slice.selfAssessment("lapland-hyte", "w2023", "X",
                "{\"trust\":3.5,\"goals\":1.25}"));
        assertInvalid(offScale, "answers.trust", "answers.goals");

        ApiClient.Response unknownDimension = api.post(path, Slice.selfAssessment("lapland-hyte", "w2023", "X",
                "{\"happiness\":2.0}"));
        assertInvalid(unknownDimension, "answers.happiness");

        ApiClient.Response missingFields = api.post(path, "{\"areaId\":\"lapland-hyte\"}");
        assertInvalid(missingFields, "waveId", "respondent", "answers");

        ApiClient.Response wrongType = api.post(path, Slice.selfAssessment("lapland-hyte", "w2023", "X",
                "{\"trust\":\"high\"}"));
        assertInvalid(wrongType, "answers.trust");

        ApiClient.Response typo = api.post(path, "{\"areaId\":\"lapland-hyte\",\"wave\":\"w2023\"}");
        assertInvalid(typo, "wave");

        ApiClient.Response invalidJson = api.post(path, "{\"areaId\": ");
        assertThat(invalidJson.status()).isEqualTo(400);
        assertThat(invalidJson.header("Content-Type")).startsWith("application/problem+json");

        ApiClient.Response badStudy = api.post("/api/v1/studies", "{\"id\":\"has space\",\"title\":\"\"}");
        assertInvalid(badStudy, "id", "title", "frameworkId");

        ApiClient.Response badWave = api.post("/api/v1/studies/" + studyId + "/waves",
                "{\"id\":\"w2\",\"label\":\"x\",\"opensOn\":\"2024-05-01\",\"closesOn\":\"2024-01-01\"}");
        assertInvalid(badWave, "closesOn");

        ApiClient.Response badArea = api.post("/api/v1/studies/" + studyId + "/areas",
                "{\"id\":\"a2\",\"name\":\"x\",\"regionCode\":\"99\",\"interfaceTheme\":\"nope\","
                        + "\"parties\":[{\"type\":\"club\",\"name\":\"\"}]}");
        assertInvalid(badArea, "regionCode", "interfaceTheme", "parties[0].type", "parties[0].name");

        assertThat(positions.head()).as("no event recorded by refused writes").isEqualTo(before);
    }

    @Test
    void answersUnknownThingsWith404AndDuplicatesWith409() {
        String studyId = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        SliceScenario.record(api, studyId);
        long before = positions.head();

        assertThat(api.get("/api/v1/studies/no-such-study").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/studies/" + studyId + "/areas/nope/profile?waveId=w2023").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/studies/" + studyId + "/areas/lapland-hyte/profile?waveId=nope").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/studies/" + studyId + "/self-assessments",
                Slice.selfAssessment("nope", "w2023", "X", "{\"trust\":2.0}")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/studies", Slice.study(studyId)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/studies/" + studyId + "/waves", Slice.wave("w2023")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/studies/" + studyId + "/areas", Slice.area("lapland-hyte")).status())
                .isEqualTo(409);
        assertThat(positions.head()).isEqualTo(before);
    }

    @Test
    void refusesAnswersToAClosedWaveUntilItIsReopened() {
        String studyId = "closed-" + UUID.randomUUID().toString().substring(0, 8);
        SliceScenario.record(api, studyId);
        String path = "/api/v1/studies/" + studyId;
        assertThat(api.post(path + "/waves/w2023/close", "").status()).isEqualTo(200);

        ApiClient.Response refused = api.post(path + "/self-assessments",
                Slice.selfAssessment("lapland-hyte", "w2023", "late", "{\"trust\":2.0}"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("closed");

        assertThat(api.post(path + "/waves/w2023/reopen", "{\"reason\":\"late answers from a workshop\"}").status())
                .isEqualTo(200);
        assertThat(api.post(path + "/self-assessments",
                Slice.selfAssessment("lapland-hyte", "w2023", "late", "{\"trust\":2.0}")).status()).isEqualTo(201);
    }

    @Test
    void requiresCredentials() {
        ApiClient anonymous = new ApiClient(port, null, null);
        ApiClient.Response response = anonymous.get("/api/v1/studies");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.as("admin", "wrong").get("/api/v1/studies").status()).isEqualTo(401);
    }

    private static void assertInvalid(ApiClient.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("errors").findValuesAsText("field")).as(response.toString()).contains(fields);
    }
}
