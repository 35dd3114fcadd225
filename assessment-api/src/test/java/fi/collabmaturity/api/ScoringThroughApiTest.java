package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known dataset fed through the API, with every expected number computed by hand in the comments: profile with
 * both sources, triangulation, Krippendorff's alpha, trajectory and milestones, the maturity path in English, a
 * scoring policy change, and a withdrawal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoringThroughApiTest {

    static final Path dataDir = TestData.freshFolder("scoring");
    static final String S = "/api/v1/studies/known";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "scoring-admin");
    }

    @LocalServerPort
    int port;
    ApiClient api;
    long last;

    @Test
    void computesTheKnownDatasetToTheLastDecimal() {
        api = new ApiClient(port, "admin", "scoring-admin");
        // the numbers by hand below are those of 1.0.0's rules: one unit per segment, raw power values (the
        // rules of 1.1.0 are ScoringRulesThroughApiTest's)
        write(api.post("/api/v1/studies", "{\"id\":\"known\",\"title\":\"Known dataset\","
                + "\"frameworkId\":\"keast-mandell-2014\",\"frameworkVersion\":\"1.0.0\"}"));
        write(api.post(S + "/waves", "{\"id\":\"w1\",\"label\":\"2023\",\"opensOn\":\"2023-09-01\",\"closesOn\":\"2023-12-31\"}"));
        write(api.post(S + "/waves", "{\"id\":\"w2\",\"label\":\"2024\",\"opensOn\":\"2024-09-01\",\"closesOn\":\"2024-12-31\"}"));
        write(api.post(S + "/areas", "{\"id\":\"a1\",\"name\":\"A\",\"regionCode\":\"21\",\"interfaceTheme\":\"hyte\","
                + "\"targetProfile\":{\"power\":2}}"));
        // a second area, coded in the same interview: its codings count in the study's reliability
        write(api.post(S + "/areas", "{\"id\":\"a2\",\"name\":\"B\",\"regionCode\":\"19\",\"interfaceTheme\":\"rdi\"}"));
        // wave 1 self-assessments: trust 1, 1.5, 2; goals 1, 1, 1; communication 2, 2, 2; power 1, 1, 1.5
        sa("w1", "R1", "{\"trust\":1.0,\"goals\":1.0,\"communication\":2.0,\"power\":1.0}");
        sa("w1", "R2", "{\"trust\":1.5,\"goals\":1.0,\"communication\":2.0,\"power\":1.0}");
        sa("w1", "R3", "{\"trust\":2.0,\"goals\":1.0,\"communication\":2.0,\"power\":1.5}");
        // wave 2: trust 2.5, 2.5, 3 (2.6667); goals 2 ×3; communication 2, 2, 2.5 (2.1667); power 1.5, 2, 2 (1.8333)
        sa("w2", "R1", "{\"trust\":2.5,\"goals\":2.0,\"communication\":2.0,\"power\":1.5}");
        sa("w2", "R2", "{\"trust\":2.5,\"goals\":2.0,\"communication\":2.0,\"power\":2.0}");
        sa("w2", "R4", "{\"trust\":3.0,\"goals\":2.0,\"communication\":2.5,\"power\":2.0}");
        // interview in wave 1, trust: s1 coded 1 (A) and 2 (B) → 1.5; s2 1 and 1 → 1; s3 2 and 2 → 2; s4 1 (A only)
        write(api.post(S + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"H1\",\"organisationType\":\"municipality\","
                + "\"actorLevel\":\"leadership\"},\"areaIds\":[\"a1\",\"a2\"]}"));
        finding("s1A", "s1", 1, "A", "[\"reactive\",\"depends on individuals\"]");
        finding("s1B", "s1", 2, "B", "[\"reactive\"]");
        finding("s2A", "s2", 1, "A", "[\"reactive\"]");
        finding("s2B", "s2", 1, "B", "[]");
        finding("s3A", "s3", 2, "A", "[]");
        finding("s3B", "s3", 2, "B", "[]");
        finding("s4A", "s4", 1, "A", "[\"resource gap\"]");
        // s5, on the second area: 2 and 2
        finding("s5A", "s5", "a2", 2, "A", "[]");
        finding("s5B", "s5", "a2", 2, "B", "[]");

        JsonNode w1 = get(S + "/areas/a1/profile?waveId=w1");
        JsonNode trust = SliceScenario.dimension(w1, "trust");
        // interviews: units 1.5, 1, 2, 1 → n 4, mean 1.375, sd 0.4787, t(0.975,3) interval [0.613 → 1.0, 2.137]
        JsonNode interviews = trust.path("sources").path("interviews");
        assertThat(interviews.path("n").asInt()).isEqualTo(4);
        assertThat(interviews.path("mean").asDouble()).isEqualTo(1.375);
        assertThat(interviews.path("sd").asDouble()).isEqualTo(0.479);
        assertThat(interviews.path("ciLow").asDouble()).isEqualTo(1.0);
        assertThat(interviews.path("ciHigh").asDouble()).isEqualTo(2.137);
        // self-assessments: 1, 1.5, 2 → mean 1.5, sd 0.5, interval [0.258 → 1.0, 2.742]
        assertThat(trust.path("sources").path("selfAssessments").path("ciHigh").asDouble()).isEqualTo(2.742);
        // combined (1.375 + 1.5) / 2 = 1.4375 → 1.438, cooperation; gap 0.125, not divergent
        assertThat(trust.path("score").asDouble()).isEqualTo(1.438);
        assertThat(trust.path("stage").asText()).isEqualTo("cooperation");
        assertThat(trust.path("triangulationGap").asDouble()).isEqualTo(0.125);
        assertThat(trust.path("divergent").asBoolean()).isFalse();
        // power 1, 1, 1.5 = 1.1667: "power kept by each actor" is one anchor for stages 1 and 2 → coordination
        assertThat(SliceScenario.dimension(w1, "power").path("stage").asText()).isEqualTo("coordination");
        // overall (1.4375 + 2 + 1 + 1.1667) / 4 = 1.4010 → 1.401, cooperation; weakest goals (1.0)
        assertThat(w1.path("overall").path("score").asDouble()).isEqualTo(1.401);
        assertThat(w1.path("overall").path("stage").asText()).isEqualTo("cooperation");
        assertThat(w1.path("weakestDimension").asText()).isEqualTo("goals");

        // ordinal alpha over s1, s2, s3 of a1 and s5 of a2 (s4 has one coder): o11=2, o12=o21=1, o22=4; n1=3, n2=5,
        // n=8; δ²(1,2) = (3 + 5 - 4)² = 16; Do = 2·16/8 = 4; De = 2·3·5·16/(8·7) = 8.571; α = 1 - 4/8.571 = 0.533
        JsonNode alpha = get(S + "/reliability?waveId=w1");
        assertThat(alpha.path("alpha").asDouble()).isEqualTo(0.533);
        assertThat(alpha.path("units").asInt()).isEqualTo(4);
        assertThat(alpha.path("coders").asInt()).isEqualTo(2);
        assertThat(alpha.path("pairableValues").asInt()).isEqualTo(8);
        assertThat(get(S + "/reliability?waveId=w2").path("alpha").isNull()).isTrue();
        // the whole study (both waves) is the same: wave 2 has no double coding
        assertThat(get(S + "/reliability").path("alpha").asDouble()).isEqualTo(0.533);

        // the overview: a cell per area, the same figures as the profile; a2 has one interview unit, too few
        JsonNode overview = get(S + "/overview?waveId=w1");
        // written once per answer (SerializedOverviews), so with its length rather than in chunks
        ApiClient.Response written = api.get(S + "/overview?waveId=w1&minPosition=" + last);
        assertThat(written.raw().headers().firstValueAsLong("Content-Length")).hasValue(written.raw().body()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(api.get(S + "/overview?waveId=w1&minPosition=" + last).raw().body())
                .isEqualTo(written.raw().body());
        assertThat(overview.path("areas").findValuesAsText("areaId")).containsExactly("a1", "a2");
        assertThat(overview.path("areas").get(0).path("overall").path("score").asDouble()).isEqualTo(1.401);
        assertThat(overview.path("areas").get(0).path("dimensions").path("trust").path("score").asDouble())
                .isEqualTo(1.438);
        assertThat(overview.path("areas").get(0).path("weakestDimension").asText()).isEqualTo("goals");
        assertThat(overview.path("areas").get(1).path("dimensions").path("trust").path("evidence").asText())
                .isEqualTo("insufficient");
        JsonNode rdi = get(S + "/overview?waveId=w1&interfaceTheme=rdi");
        assertThat(rdi.path("areas").findValuesAsText("areaId")).containsExactly("a2");
        assertThat(get(S + "/overview?waveId=w1&regionCode=21").path("areas").findValuesAsText("areaId"))
                .containsExactly("a1");

        // trajectory: trust 1.4375 → 2.6667 (+1.229), cooperation → collaboration, but flat by the intervals: w1's
        // is the mean of interviews' [1.0, 2.137] and answers' [1.0 (0.258 clipped), 2.742], [1.0, (2.137 + 2.742) / 2 = 2.4395, reported 2.440]; w2's
        // (answers 2.5, 2.5, 3: 2.667 ± 0.717) [1.950, 3.0]: they overlap, three answers cannot tell more.
        // goals 1 → 2 (+1) cooperation → coordination: [1, 1] and [2, 2] lie apart, up by the intervals;
        // power 1.1667 → 1.8333: the same anchor, no milestone
        JsonNode trajectory = get(S + "/areas/a1/trajectory");
        JsonNode trustPoints = trajectory.path("dimensions").get(0).path("points");
        assertThat(trustPoints.get(1).path("change").asDouble()).isEqualTo(1.229);
        assertThat(trustPoints.get(1).path("direction").asText()).isEqualTo("flat");
        assertThat(trustPoints.get(1).path("decidedBy").asText()).isEqualTo("intervals");
        assertThat(trustPoints.get(0).path("ciHigh").asDouble()).isEqualTo(2.44);
        JsonNode goalsPoints = trajectory.path("dimensions").get(3).path("points");
        assertThat(goalsPoints.get(1).path("direction").asText()).isEqualTo("up");
        assertThat(goalsPoints.get(1).path("decidedBy").asText()).isEqualTo("intervals");
        assertThat(trajectory.path("milestones").findValuesAsText("dimension")).containsExactly("trust", "goals");
        assertThat(trajectory.path("milestones").get(0).path("toStage").asText()).isEqualTo("collaboration");

        // path in wave 1: goals (1.0) and trust (1.4375) 1 → 3 (gap 2, the lower score first), communication
        // 2 → 3; power at its target
        JsonNode path1 = get(S + "/areas/a1/path?waveId=w1&lang=en");
        assertThat(path1.path("targets").findValuesAsText("dimension"))
                .containsExactly("goals", "trust", "communication");
        assertThat(path1.path("targets").findValues("rankedBy")).extracting(JsonNode::asText)
                .containsExactly("score", "gap", "null");
        JsonNode step = path1.path("targets").get(1).path("step");
        assertThat(step.path("from").path("descriptor").asText()).isEqualTo("Low trust, unstable relationships");
        assertThat(step.path("to").path("descriptor").asText()).isEqualTo("Medium trust in existing relationships");
        assertThat(path1.path("targets").get(1).path("relatedCodes").toString())
                .isEqualTo("[\"reactive\",\"depends on individuals\",\"resource gap\"]");
        // the latest wave by default: trust reached collaboration; goals (2.0) before communication (2.1667), one
        // stage each
        JsonNode path2 = api.get(S + "/areas/a1/path").json();
        assertThat(path2.path("waveId").asText()).isEqualTo("w2");
        assertThat(path2.path("targets").findValuesAsText("dimension")).containsExactly("goals", "communication");
        assertThat(path2.path("targets").get(1).path("step").path("to").path("descriptor").asText())
                .isEqualTo("Jatkuva kommunikaatio");

        // interviews weigh 3: (3·1.375 + 1.5) / 4 = 1.40625 → 1.406
        write(api.put(S + "/scoring-policy", "{\"weights\":{\"interviews\":3,\"selfAssessments\":1}}"));
        assertThat(SliceScenario.dimension(get(S + "/areas/a1/profile?waveId=w1"), "trust").path("score").asDouble())
                .isEqualTo(1.406);
        // a minimum of 4 units: the self-assessments (3) no longer count; only trust has a score → no overall
        write(api.put(S + "/scoring-policy", "{\"minimumN\":4}"));
        JsonNode strict = get(S + "/areas/a1/profile?waveId=w1");
        assertThat(SliceScenario.dimension(strict, "trust").path("score").asDouble()).isEqualTo(1.375);
        assertThat(SliceScenario.dimension(strict, "goals").path("evidence").asText()).isEqualTo("insufficient");
        assertThat(strict.path("overall").path("score").isNull()).isTrue();
        assertThat(api.put(S + "/scoring-policy", "{\"minimumN\":0,\"weights\":{\"interviews\":0,"
                + "\"selfAssessments\":0}}").json().path("errors").findValuesAsText("field"))
                .contains("minimumN", "weights");
        write(api.put(S + "/scoring-policy", "{\"minimumN\":3,\"weights\":{\"interviews\":1,\"selfAssessments\":1}}"));

        // withdrawing s4's finding: interview units 1.5, 1, 2 → 1.5; trust (1.5 + 1.5) / 2 = 1.5, coordination
        write(api.send("DELETE", S + "/interviews/i1/findings/s4A?reason=miscoded", null, null));
        JsonNode withdrawn = SliceScenario.dimension(get(S + "/areas/a1/profile?waveId=w1"), "trust");
        assertThat(withdrawn.path("score").asDouble()).isEqualTo(1.5);
        assertThat(withdrawn.path("stage").asText()).isEqualTo("coordination");
    }

    private void sa(String wave, String pseudonym, String answers) {
        write(api.post(S + "/self-assessments", Slice.selfAssessment("a1", wave, pseudonym, answers)));
    }

    private void finding(String id, String segment, int stage, String coder, String codes) {
        finding(id, segment, "a1", stage, coder, codes);
    }

    private void finding(String id, String segment, String area, int stage, String coder, String codes) {
        write(api.post(S + "/interviews/i1/findings", "{\"id\":\"" + id + "\",\"segmentId\":\"" + segment
                + "\",\"areaId\":\"" + area + "\",\"dimension\":\"trust\",\"stage\":" + stage + ",\"coder\":\"" + coder
                + "\",\"codes\":" + codes + "}"));
    }

    private void write(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        last = Math.max(last, response.position());
    }

    private JsonNode get(String path) {
        ApiClient.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + last);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

}
