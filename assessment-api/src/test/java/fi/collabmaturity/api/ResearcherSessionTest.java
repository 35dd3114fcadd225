package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import fi.collabmaturity.api.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A researcher records a whole study over HTTP: three waves, areas with parties and structural evidence,
 * interviews with double-coded findings, self-assessments; then tries a long list of bad requests, each of which
 * must get the right 4xx problem and record nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResearcherSessionTest {

    static final Path dataDir = TestData.freshFolder("session");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "session-admin-pw");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;

    ApiClient admin;
    ApiClient researcher;
    ApiClient outsider;
    ApiClient viewer;
    static final String S = "/api/v1/studies/lapland";

    @BeforeAll
    void accounts() {
        admin = new ApiClient(port, "admin", "session-admin-pw");
        created(admin.post("/api/v1/accounts",
                "{\"username\":\"maija\",\"password\":\"maija-password-1\",\"roles\":[\"RESEARCHER\"]}"));
        created(admin.post("/api/v1/accounts",
                "{\"username\":\"olli\",\"password\":\"olli-password-1\",\"roles\":[\"RESEARCHER\"]}"));
        created(admin.post("/api/v1/accounts",
                "{\"username\":\"ville\",\"password\":\"ville-password-1\",\"roles\":[\"VIEWER\"]}"));
        researcher = admin.as("maija", "maija-password-1");
        outsider = admin.as("olli", "olli-password-1");
        viewer = admin.as("ville", "ville-password-1");
    }

    @Test
    @Order(1)
    void recordsAWholeStudy() {
        created(researcher.post("/api/v1/studies", Slice.study("lapland")));
        created(researcher.post(S + "/members", "{\"username\":\"ville\",\"role\":\"VIEWER\"}"));
        created(researcher.post(S + "/waves", "{\"id\":\"w2023\",\"label\":\"2023 baseline\","
                + "\"opensOn\":\"2023-09-01\",\"closesOn\":\"2023-12-31\"}"));
        created(researcher.post(S + "/waves", "{\"id\":\"w2024\",\"label\":\"2024\","
                + "\"opensOn\":\"2024-09-01\",\"closesOn\":\"2024-12-31\"}"));
        created(researcher.post(S + "/waves", "{\"id\":\"w2025\",\"label\":\"2025\","
                + "\"opensOn\":\"2025-09-01\",\"closesOn\":\"2025-12-31\"}"));
        created(researcher.post(S + "/areas", Slice.area("hyte")));
        created(researcher.post(S + "/areas", "{\"id\":\"employment\",\"name\":\"Lapland · employment\","
                + "\"regionCode\":\"21\",\"interfaceTheme\":\"employment\",\"parties\":["
                + "{\"type\":\"municipality\",\"name\":\"Rovaniemi\",\"code\":\"698\"}],"
                + "\"targetProfile\":{\"power\":2,\"resources\":2}}"));
        assertThat(researcher.put(S + "/areas/hyte/building-blocks", "{\"legalFrame\":\"in_place\","
                + "\"sharedSituationalPicture\":\"partial\",\"sharedGoals\":\"partial\",\"responsibilities\":\"missing\","
                + "\"operatingModels\":\"missing\",\"forums\":\"in_place\"}").status()).isEqualTo(200);
        created(researcher.post(S + "/areas/hyte/agreements", "{\"kind\":\"strategic\",\"status\":\"ready\","
                + "\"parties\":[{\"type\":\"regional_council\",\"name\":\"Lapin liitto\"}],"
                + "\"regionalCouncilParty\":true,\"decidedOn\":\"2024-05-20\"}"));
        created(researcher.post(S + "/areas/hyte/negotiations", "{\"kind\":\"hyte\",\"heldOn\":\"2024-10-02\","
                + "\"model\":\"whole_region\"}"));
        created(researcher.post(S + "/areas/hyte/forums", "{\"name\":\"HYTE-työryhmä\",\"level\":\"operational\","
                + "\"since\":\"2023-03-01\"}"));

        ApiClient.Response interview = created(researcher.post(S + "/interviews", "{\"id\":\"i01\","
                + "\"waveId\":\"w2023\",\"conductedOn\":\"2023-10-05\",\"informant\":{\"pseudonym\":\"H01\","
                + "\"organisationType\":\"municipality\",\"actorLevel\":\"leadership\"},\"areaIds\":[\"hyte\"]}"));
        assertThat(interview.json().path("interviewer").asText()).isEqualTo("maija");
        ApiClient.Response first = created(researcher.post(S + "/interviews/i01/findings", "{\"segmentId\":\"seg-1\","
                + "\"areaId\":\"hyte\",\"dimension\":\"goals\",\"stage\":1,\"codes\":[\"unclear responsibilities\"],"
                + "\"excerpt\":\"Kukaan ei tiedä, kuka tätä johtaa.\"}"));
        assertThat(first.json().path("coder").asText()).isEqualTo("maija");
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        created(researcher.post(S + "/interviews/i01/findings", "{\"segmentId\":\"seg-1\",\"areaId\":\"hyte\","
                + "\"dimension\":\"goals\",\"stage\":2,\"codes\":[\"reactive\"],\"coder\":\"second-coder\"}"));

        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = created(researcher.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2023", "R" + i,
                    "{\"trust\":1.5,\"goals\":2.0}"))).position();
        }

        JsonNode read = researcher.get(S + "/interviews/i01?minPosition=" + last).json();
        assertThat(read.path("informant").path("pseudonym").asText()).isEqualTo("H01");
        assertThat(read.path("findings")).hasSize(2);
        assertThat(read.path("findings").get(0).path("excerpt").asText()).isEqualTo("Kukaan ei tiedä, kuka tätä johtaa.");
        JsonNode area = researcher.get(S + "/areas/hyte").json();
        assertThat(area.path("agreements").get(0).path("status").asText()).isEqualTo("ready");
        assertThat(area.path("negotiations").get(0).path("kind").asText()).isEqualTo("hyte");
        assertThat(area.path("buildingBlocks").path("responsibilities").asText()).isEqualTo("missing");
        assertThat(researcher.get(S + "/areas/employment").json().path("targetProfile").path("power").asInt())
                .isEqualTo(2);
        assertThat(researcher.get(S + "/areas/employment").json().path("targetProfile").path("trust").asInt())
                .as("unnamed dimensions default to the highest stage").isEqualTo(3);
        assertThat(researcher.get(S + "/self-assessments?areaId=hyte&waveId=w2023").json().path("totalElements")
                .asInt()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void recodesAndWithdrawsWithHistoryAndVersions() {
        JsonNode interview = researcher.get(S + "/interviews/i01").json();
        String findingId = interview.path("findings").get(0).path("id").asText();
        String path = S + "/interviews/i01/findings/" + findingId;

        ApiClient.Response stale = researcher.send("PUT", path, "application/json",
                "{\"dimension\":\"goals\",\"stage\":2,\"codes\":[\"x\"]}");
        assertThat(stale.status()).as("recode without If-Match is allowed").isEqualTo(200);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");

        long before = positions.head();
        ApiClient.Response conflict = put(path, "\"1\"", "{\"dimension\":\"goals\",\"stage\":3,\"codes\":[]}");
        assertThat(conflict.status()).isEqualTo(412);
        assertThat(positions.head()).isEqualTo(before);

        assertThat(put(path, "\"2\"", "{\"dimension\":\"goals\",\"stage\":3,\"codes\":[]}").status()).isEqualTo(200);
        long last = researcher.send("DELETE", path + "?reason=coded%20twice", null, null).position();
        JsonNode finding = researcher.get(path + "?minPosition=" + last).json();
        assertThat(finding.path("withdrawn").asBoolean()).isTrue();
        assertThat(finding.path("withdrawal").path("reason").asText()).isEqualTo("coded twice");
        assertThat(finding.path("history")).hasSize(3);
        assertThat(finding.path("history").get(0).path("stage").asInt()).isEqualTo(1);
        assertThat(researcher.send("DELETE", path + "?reason=again", null, null).status()).isEqualTo(409);
    }

    @Test
    @Order(3)
    void refusesBadRequestsAndRecordsNothing() {
        long before = positions.head();
        // wrong codes
        status(400, researcher.post(S + "/areas", "{\"id\":\"x\",\"name\":\"x\",\"regionCode\":\"22\","
                + "\"interfaceTheme\":\"hyte\"}"));
        status(400, researcher.post(S + "/interviews", "{\"waveId\":\"w2023\",\"conductedOn\":\"2023-10-05\","
                + "\"informant\":{\"pseudonym\":\"H\",\"organisationType\":\"church\",\"actorLevel\":\"boss\"},"
                + "\"areaIds\":[\"hyte\"]}"));
        status(400, researcher.post(S + "/interviews/i01/findings", "{\"areaId\":\"hyte\",\"dimension\":\"luck\","
                + "\"stage\":4}"));
        status(400, researcher.post(S + "/interviews/i01/findings", "{\"areaId\":\"employment\","
                + "\"dimension\":\"trust\",\"stage\":2}"));
        status(400, researcher.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2023", "Z",
                "{\"trust\":0.5}")));
        status(400, researcher.put(S + "/areas/hyte/building-blocks", "{\"legalFrame\":\"done\"}"));
        status(400, researcher.post(S + "/areas/hyte/negotiations", "{\"kind\":\"annual\",\"model\":\"x\"}"));
        status(400, researcher.post(S + "/areas/hyte/agreements", "{\"kind\":\"strategic\",\"status\":\"signed\"}"));
        status(400, researcher.post(S + "/waves", "{\"id\":\"w/1\",\"label\":\"\"}"));
        status(400, researcher.post(S + "/members", "{\"username\":\"ville\",\"role\":\"OWNER\"}"));
        // unknown ids
        status(404, researcher.post(S + "/interviews/nope/findings", "{\"areaId\":\"hyte\",\"dimension\":\"trust\","
                + "\"stage\":2}"));
        status(404, researcher.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2099", "Z",
                "{\"trust\":2.0}")));
        status(404, researcher.post(S + "/areas/nope/forums", "{\"name\":\"x\",\"level\":\"strategic\"}"));
        status(404, researcher.post(S + "/waves/w2099/close", ""));
        status(404, researcher.send("DELETE", S + "/self-assessments/nope?reason=x", null, null));
        // duplicates
        status(409, researcher.post(S + "/waves", "{\"id\":\"w2023\",\"label\":\"again\","
                + "\"opensOn\":\"2023-09-01\",\"closesOn\":\"2023-12-31\"}"));
        status(409, researcher.post(S + "/areas", Slice.area("hyte")));
        status(409, researcher.post(S + "/interviews", "{\"id\":\"i01\",\"waveId\":\"w2023\","
                + "\"conductedOn\":\"2023-10-05\",\"informant\":{\"pseudonym\":\"H01\","
                + "\"organisationType\":\"municipality\",\"actorLevel\":\"leadership\"},\"areaIds\":[\"hyte\"]}"));
        // other studies: not a member → as if it did not exist; a viewer may read but not write
        status(404, outsider.get(S));
        status(404, outsider.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2023", "Z",
                "{\"trust\":2.0}")));
        status(200, viewer.get(S));
        status(403, viewer.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2023", "Z",
                "{\"trust\":2.0}")));
        // media type
        status(415, researcher.send("POST", S + "/waves", "text/plain", "id=w9"));
        assertThat(positions.head()).as("refused requests recorded nothing").isEqualTo(before);
    }

    @Test
    @Order(4)
    void aClosedWaveAcceptsNothingUntilReopened() {
        String sa = created(researcher.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2024", "R1",
                "{\"trust\":2.0}"))).json().path("id").asText();
        status(200, researcher.post(S + "/waves/w2024/close", ""));
        long before = positions.head();
        status(409, researcher.post(S + "/self-assessments", Slice.selfAssessment("hyte", "w2024", "R2",
                "{\"trust\":2.0}")));
        status(409, researcher.send("DELETE", S + "/self-assessments/" + sa + "?reason=x", null, null));
        status(409, researcher.post(S + "/interviews", "{\"waveId\":\"w2024\",\"conductedOn\":\"2024-10-05\","
                + "\"informant\":{\"pseudonym\":\"H02\",\"organisationType\":\"ngo\",\"actorLevel\":\"operations\"},"
                + "\"areaIds\":[\"hyte\"]}"));
        status(409, researcher.post(S + "/waves/w2024/close", ""));
        status(400, researcher.post(S + "/waves/w2024/reopen", "{}"));
        assertThat(positions.head()).isEqualTo(before);
        status(200, researcher.post(S + "/waves/w2024/reopen", "{\"reason\":\"a late workshop\"}"));
        status(200, researcher.send("DELETE", S + "/self-assessments/" + sa + "?reason=duplicate", null, null));
    }

    @Test
    @Order(5)
    void viewersNeverSeePersonalData() {
        // individual records are not for viewers at all (they see aggregated results only): see ViewerAggregatesTest
        assertThat(viewer.get(S + "/interviews/i01").status()).isEqualTo(403);
        assertThat(viewer.get(S + "/self-assessments?areaId=hyte").status()).isEqualTo(403);
        JsonNode list = researcher.get(S + "/self-assessments?areaId=hyte").json();
        assertThat(list.path("content").get(0).has("respondent")).isTrue();
    }

    @Test
    @Order(6)
    void updatesAnAreaOnlyAtTheVersionItsIfMatchNames() {
        ApiClient.Response area = researcher.get(S + "/areas/employment?minPosition=" + positions.head());
        String etag = area.header("ETag");
        assertThat(etag).matches("\"\\d+\"");
        String blocks = "{\"legalFrame\":\"in_place\",\"sharedSituationalPicture\":\"in_place\","
                + "\"sharedGoals\":\"partial\",\"responsibilities\":\"partial\",\"operatingModels\":\"missing\","
                + "\"forums\":\"partial\"}";
        long before = positions.head();
        long stale = Long.parseLong(etag.replace("\"", "")) - 1;
        ApiClient.Response refused = researcher.sendWithHeader("PUT", S + "/areas/employment/building-blocks",
                "If-Match", "\"" + stale + "\"", blocks);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
        assertThat(positions.head()).isEqualTo(before);
        ApiClient.Response accepted = researcher.sendWithHeader("PUT", S + "/areas/employment/building-blocks",
                "If-Match", etag, blocks);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(researcher.get(S + "/areas/employment?minPosition=" + accepted.position()).header("ETag"))
                .isNotEqualTo(etag);
    }

    private ApiClient.Response put(String path, String ifMatch, String body) {
        return researcher.sendWithHeader("PUT", path, "If-Match", ifMatch, body);
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isNotBlank();
        return response;
    }

    private static void status(int expected, ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
