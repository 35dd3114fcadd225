package fi.collabmaturity.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewers see aggregated results only (API.md: VIEWER "reads aggregates and dashboards"): no theme codes, no
 * names of coders, interviewers or members, no individual answers or findings; the study's researchers and admins
 * keep seeing all of it. Individual records answer a viewer 403; results and pages leave the fields out. A
 * researcher account that is only a viewer of the study is a viewer there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerAggregatesTest {

    static final Path dataDir = TestData.freshFolder("viewer-aggregates");
    static final String S = "/api/v1/studies/agg";
    static final String CODE = "hidden_theme_code";
    static final String CODER = "coder-cecilia";
    static final String INTERVIEWER = "interviewer-irma";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "aggregates-admin-pw");
    }

    @LocalServerPort
    int port;
    ApiClient admin;
    ApiClient researcher;
    ApiClient viewer;
    /** A researcher account that is a viewer of this study. */
    ApiClient researcherAsViewer;
    long position;

    @BeforeAll
    void study() {
        admin = new ApiClient(port, "admin", "aggregates-admin-pw");
        researcher = admin.createAccount("rita", "RESEARCHER");
        viewer = admin.createAccount("vera", "VIEWER");
        researcherAsViewer = admin.createAccount("rolf", "RESEARCHER");
        ok(researcher.post("/api/v1/studies", Slice.study("agg")));
        ok(researcher.post(S + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        ok(researcher.post(S + "/members", "{\"username\":\"rolf\",\"role\":\"VIEWER\"}"));
        ok(researcher.put(S + "/scoring-policy", "{\"minimumN\":1}"));
        ok(researcher.post(S + "/waves", Slice.wave("w1")));
        ok(researcher.post(S + "/areas", Slice.area("a1")));
        ok(researcher.post(S + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"INF-1\",\"organisationType\":\"municipality\","
                + "\"actorLevel\":\"leadership\"},\"areaIds\":[\"a1\"],\"interviewer\":\"" + INTERVIEWER + "\"}"));
        ok(researcher.post(S + "/interviews/i1/findings", "{\"id\":\"f1\",\"areaId\":\"a1\",\"dimension\":\"goals\","
                + "\"stage\":1,\"codes\":[\"" + CODE + "\"],\"excerpt\":\"a quote\",\"coder\":\"" + CODER + "\"}"));
        ApiClient.Response last = ok(researcher.post(S + "/self-assessments", "{\"id\":\"s1\",\"areaId\":\"a1\","
                + "\"waveId\":\"w1\",\"respondent\":{\"pseudonym\":\"P-1\",\"organisationType\":\"ngo\","
                + "\"actorLevel\":\"operations\"},\"answers\":{\"goals\":1.5}}"));
        position = last.position();
    }

    private static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    @Test
    void thePathShowsTheThemeCodesToResearchersOnlyWhoeverAskedFirst() {
        String path = S + "/areas/a1/path?minPosition=" + position;
        // a researcher first (the result is kept), then a viewer, then a researcher again (after the viewer's copy)
        JsonNode first = researcher.get(path).json();
        JsonNode forViewer = viewer.get(path).json();
        JsonNode forResearcherAsViewer = researcherAsViewer.get(path).json();
        JsonNode again = admin.get(path).json();

        for (JsonNode full : List.of(first, again)) {
            assertThat(target(full, "goals").path("relatedCodes").toString()).isEqualTo("[\"" + CODE + "\"]");
        }
        for (JsonNode aggregate : List.of(forViewer, forResearcherAsViewer)) {
            JsonNode goals = target(aggregate, "goals");
            assertThat(goals.path("targetStage").asText()).as("the target itself is an aggregate")
                    .isEqualTo(target(first, "goals").path("targetStage").asText());
            assertThat(goals.has("relatedCodes")).isFalse();
            assertThat(aggregate.toString()).doesNotContain(CODE);
        }
        // and the other way round, in another language: a viewer first, then a researcher
        String sv = S + "/areas/a1/path?lang=sv&minPosition=" + position;
        assertThat(viewer.get(sv).body()).doesNotContain(CODE);
        assertThat(researcher.get(sv).body()).contains(CODE);
    }

    @Test
    void theAreaPageShowsTheThemeCodesToResearchersOnly() {
        String page = "/ui/studies/agg/areas/a1?waveId=w1&lang=fi";
        String researchers = researcher.get(page).body();
        assertThat(researchers).contains("Taustalla olevat teemakoodit").contains(CODE).contains(CODER);
        for (ApiClient reader : List.of(viewer, researcherAsViewer)) {
            ApiClient.Response response = reader.get(page);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("id=\"path-steps\"").contains("data-dimension=\"goals\"")
                    .doesNotContain("Taustalla olevat teemakoodit").doesNotContain(CODE).doesNotContain(CODER)
                    .doesNotContain(INTERVIEWER).doesNotContain("a quote");
        }
    }

    @Test
    void individualRecordsAnswerViewers403AndResearchersEverything() {
        List<String> individual = List.of(S + "/interviews", S + "/interviews/i1", S + "/interviews/i1/findings/f1",
                S + "/self-assessments", S + "/self-assessments?areaId=a1&waveId=w1", S + "/self-assessments/s1",
                S + "/members");
        for (String path : individual) {
            String at = path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
            for (ApiClient reader : List.of(viewer, researcherAsViewer)) {
                ApiClient.Response refused = reader.get(at);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.body()).doesNotContain(CODE).doesNotContain(CODER).doesNotContain(INTERVIEWER);
            }
            assertThat(researcher.get(at).status()).as(path).isEqualTo(200);
        }
        JsonNode interview = researcher.get(S + "/interviews/i1").json();
        assertThat(interview.path("interviewer").asText()).isEqualTo(INTERVIEWER);
        JsonNode finding = interview.path("findings").get(0);
        assertThat(finding.path("codes").toString()).contains(CODE);
        assertThat(finding.path("coder").asText()).isEqualTo(CODER);
        JsonNode withHistory = admin.get(S + "/interviews/i1/findings/f1").json();
        assertThat(withHistory.path("history").get(0).path("by").asText()).isEqualTo("rita");
        JsonNode answers = researcher.get(S + "/self-assessments/s1").json();
        assertThat(answers.path("answers").path("goals").asDouble()).isEqualTo(1.5);
    }

    @Test
    void theStudyShowsItsMembersToResearchersOnly() {
        JsonNode full = researcher.get(S).json();
        assertThat(full.path("members").toString()).contains("\"vera\"").contains("\"rita\"");
        for (ApiClient reader : List.of(viewer, researcherAsViewer)) {
            ApiClient.Response study = reader.get(S);
            assertThat(study.status()).isEqualTo(200);
            assertThat(study.json().has("members")).isFalse();
            assertThat(study.json().path("title").asText()).isNotBlank();
            assertThat(study.body()).doesNotContain("rita");
        }
    }

    @Test
    void viewersStillReadTheAggregates() {
        String at = "minPosition=" + position;
        for (String path : List.of(S + "/areas/a1/profile?waveId=w1&" + at, S + "/areas/a1/trajectory?" + at,
                S + "/overview?waveId=w1&" + at, S + "/reliability?" + at, S + "/situational-picture?" + at,
                S + "/areas/a1", S + "/waves")) {
            ApiClient.Response response = viewer.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(CODE).doesNotContain(CODER)
                    .doesNotContain(INTERVIEWER).doesNotContain("rita");
        }
        JsonNode profile = viewer.get(S + "/areas/a1/profile?waveId=w1&" + at).json();
        assertThat(profile.path("dimensions").toString()).contains("\"goals\"");
    }

    private static JsonNode target(JsonNode path, String dimension) {
        for (JsonNode target : path.path("targets")) {
            if (dimension.equals(target.path("dimension").asText())) {
                return target;
            }
        }
        throw new AssertionError("no target for " + dimension + " in " + path);
    }
}
