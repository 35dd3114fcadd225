package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.export.ExportZip;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring rules of keast-mandell-2014 1.1.0 (docs/scoring.md) through the real API, on a small dataset whose
 * every expected number is computed by hand in the comments: power on its anchors in the profile, the overview,
 * the trajectory, the path and the export; the informant as the interview unit; directions with the test that
 * decided them; agreement within an anchor; targets kept per wave, above target, and the path's ranking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoringRulesThroughApiTest {

    static final Path dataDir = TestData.freshFolder("scoring-rules");
    static final String S = "/api/v1/studies/rules";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "rules-admin");
    }

    @LocalServerPort
    int port;
    ApiClient api;
    long last;

    @Test
    void scoresByTheRulesOfVersion110() {
        api = new ApiClient(port, "admin", "rules-admin");
        write(api.post("/api/v1/studies", Slice.study("rules")));
        write(api.post(S + "/waves", "{\"id\":\"w1\",\"label\":\"2023\",\"opensOn\":\"2023-09-01\",\"closesOn\":\"2023-12-31\"}"));
        write(api.post(S + "/waves", "{\"id\":\"w2\",\"label\":\"2024\",\"opensOn\":\"2024-09-01\",\"closesOn\":\"2024-12-31\"}"));
        write(api.post(S + "/areas", "{\"id\":\"a1\",\"name\":\"A\",\"regionCode\":\"21\",\"interfaceTheme\":\"hyte\","
                + "\"targetProfile\":{\"trust\":2}}"));
        // w1: power 1, 1.5, 2 (all own power: 2, 2, 2); trust 3 x3; goals and communication 2, 2, 2.5
        sa("w1", "R1", "{\"power\":1.0,\"trust\":3.0,\"goals\":2.0,\"communication\":2.0}");
        sa("w1", "R2", "{\"power\":1.5,\"trust\":3.0,\"goals\":2.0,\"communication\":2.0}");
        sa("w1", "R3", "{\"power\":2.0,\"trust\":3.0,\"goals\":2.5,\"communication\":2.5}");
        // w2: power 2.5, 3, 3 (2.5, 3, 3); trust 3 x3; goals 2, 2.5, 2.5; communication 3 x3
        sa("w2", "R1", "{\"power\":2.5,\"trust\":3.0,\"goals\":2.0,\"communication\":3.0}");
        sa("w2", "R2", "{\"power\":3.0,\"trust\":3.0,\"goals\":2.5,\"communication\":3.0}");
        sa("w2", "R3", "{\"power\":3.0,\"trust\":3.0,\"goals\":2.5,\"communication\":3.0}");
        // w1 interviews on information sharing: H1 talks a lot (four segments at 1), H2 once (3), H3 once (2)
        interview("i1", "H1");
        interview("i2", "H2");
        interview("i3", "H3");
        for (int s = 1; s <= 4; s++) {
            finding("i1", "f" + s, "s" + s, "information_sharing", 1, "A");
        }
        finding("i2", "f5", "s5", "information_sharing", 3, "A");
        finding("i3", "f6", "s6", "information_sharing", 2, "A");
        // power double-coded in H2's interview: p1 1/2, p2 2/1 (both own power for both coders), p3 3/3
        finding("i2", "p1A", "p1", "power", 1, "A");
        finding("i2", "p1B", "p1", "power", 2, "B");
        finding("i2", "p2A", "p2", "power", 2, "A");
        finding("i2", "p2B", "p2", "power", 1, "B");
        finding("i2", "p3A", "p3", "power", 3, "A");
        finding("i2", "p3B", "p3", "power", 3, "B");

        JsonNode w1 = get(S + "/areas/a1/profile?waveId=w1");
        assertThat(w1.path("framework").path("version").asText()).isEqualTo("1.1.0");
        // power: 2, 2, 2 -> 2.0, own power: the range 1..2, no single stage number
        JsonNode power = SliceScenario.dimension(w1, "power");
        assertThat(power.path("score").asDouble()).isEqualTo(2.0);
        assertThat(power.path("stage").asText()).isEqualTo("cooperation_or_coordination");
        assertThat(power.path("stageNumber").isNull()).isTrue();
        assertThat(power.path("stageRange").path("from").asInt()).isEqualTo(1);
        assertThat(power.path("stageRange").path("to").asInt()).isEqualTo(2);
        assertThat(power.path("sources").path("selfAssessments").path("distribution").path("cooperation_or_coordination")
                .asInt()).isEqualTo(3);
        // H2's power segments are one informant: n 1, below the minimum of 3, so power is the answers alone
        assertThat(power.path("sources").path("interviews").path("n").asInt()).isEqualTo(1);
        // information sharing: informants 1 (H1's four segments), 3, 2 -> n 3, mean 2, sd 1; t(0.975, 2) * 1 /
        // sqrt(3) = 2.484 -> [-0.484, 4.484] clipped to [1, 3]
        JsonNode sharing = SliceScenario.dimension(w1, "information_sharing").path("sources").path("interviews");
        assertThat(sharing.path("n").asInt()).isEqualTo(3);
        assertThat(sharing.path("mean").asDouble()).isEqualTo(2.0);
        assertThat(sharing.path("sd").asDouble()).isEqualTo(1.0);
        assertThat(sharing.path("ciLow").asDouble()).isEqualTo(1.0);
        assertThat(sharing.path("ciHigh").asDouble()).isEqualTo(3.0);
        // communication: 2, 2, 2.5 -> 2.167, sd 0.289, t(0.975, 2) * 0.288675 / sqrt(3) = 0.717: [1.450, 2.884];
        // the score's interval is its only source's
        JsonNode communication = SliceScenario.dimension(w1, "communication");
        assertThat(communication.path("score").asDouble()).isEqualTo(2.167);
        assertThat(communication.path("ciLow").asDouble()).isEqualTo(1.45);
        assertThat(communication.path("ciHigh").asDouble()).isEqualTo(2.884);
        // weakest: power and information sharing (interviews only) are lowest at 2.0, but information sharing,
        // communication and goals (2.167) all lie in own power's band [1, 2.5), where the form cannot say which is
        // lower: the lowest of those measured at every stage, information sharing, is named
        assertThat(SliceScenario.dimension(w1, "information_sharing").path("score").asDouble()).isEqualTo(2.0);
        assertThat(w1.path("weakestDimension").asText()).isEqualTo("information_sharing");

        // the overview names power's range too
        JsonNode overview = get(S + "/overview?waveId=w1");
        JsonNode cell = overview.path("areas").get(0).path("dimensions").path("power");
        assertThat(cell.path("stage").asText()).isEqualTo("cooperation_or_coordination");
        assertThat(cell.path("stageNumber").isNull()).isTrue();

        // agreement: p1 and p2 are own power for both coders, p3 shared: perfect agreement (1.0.0 would see
        // 1 vs 2 twice)
        JsonNode reliability = get(S + "/reliability?waveId=w1");
        assertThat(reliability.path("units").asInt()).isEqualTo(3);
        assertThat(reliability.path("alpha").asDouble()).isEqualTo(1.0);

        // the path in w1, every target one anchor below 3: information sharing and power (2.0, own -> shared power)
        // tie on the score and have no wave before, so the framework's order puts information sharing first; then
        // communication and goals (2.167) by framework order. Trust (3) is above its target 2.
        JsonNode path1 = get(S + "/areas/a1/path?waveId=w1&lang=en");
        assertThat(path1.path("targets").findValuesAsText("dimension"))
                .containsExactly("information_sharing", "power", "communication", "goals");
        assertThat(path1.path("targets").findValues("rankedBy")).extracting(JsonNode::asText)
                .containsExactly("order", "score", "order", "null");
        JsonNode powerTarget = path1.path("targets").get(1);
        assertThat(powerTarget.path("currentStage").asText()).isEqualTo("cooperation_or_coordination");
        assertThat(powerTarget.path("gap").asInt()).isEqualTo(1);
        assertThat(powerTarget.path("step").path("from").path("descriptor").asText())
                .isEqualTo("Power kept by each actor");
        assertThat(powerTarget.path("step").path("to").path("descriptor").asText())
                .isEqualTo("Power shared among the actors");
        assertThat(path1.path("aboveTarget").findValuesAsText("dimension")).containsExactly("trust");
        assertThat(path1.path("targetProfile").path("isDefault").asBoolean()).isFalse();

        // the trajectory: power from own power to collaboration (2.833) is a milestone; goals 2.167 -> 2.333
        // (0.167 < 0.25) is flat by the threshold; communication 2.167 [1.450, 2.884] -> 3.0 [3, 3] is up by the
        // intervals
        JsonNode trajectory = get(S + "/areas/a1/trajectory");
        JsonNode goals2 = point(trajectory, "goals", 1);
        assertThat(goals2.path("direction").asText()).isEqualTo("flat");
        assertThat(goals2.path("decidedBy").asText()).isEqualTo("threshold");
        JsonNode communication2 = point(trajectory, "communication", 1);
        assertThat(communication2.path("direction").asText()).isEqualTo("up");
        assertThat(communication2.path("decidedBy").asText()).isEqualTo("intervals");
        JsonNode power2 = point(trajectory, "power", 1);
        assertThat(power2.path("score").asDouble()).isEqualTo(2.833);
        assertThat(power2.path("stage").asText()).isEqualTo("collaboration");
        // milestones in w2, in framework order: communication 2 -> 3, power own power -> collaboration
        assertThat(trajectory.path("milestones").findValuesAsText("dimension")).containsExactly("communication", "power");
        JsonNode milestone = trajectory.path("milestones").get(1);
        assertThat(milestone.path("dimension").asText()).isEqualTo("power");
        assertThat(milestone.path("fromStage").asText()).isEqualTo("cooperation_or_coordination");
        assertThat(milestone.path("fromStageNumber").isNull()).isTrue();
        assertThat(milestone.path("toStage").asText()).isEqualTo("collaboration");

        // a target set from w2 with its reason: w2's path follows it, w1's keeps the one it had
        write(api.put(S + "/areas/a1/target-profile", "{\"targetProfile\":{\"goals\":2,\"trust\":2},\"waveId\":\"w2\","
                + "\"rationale\":\"Coordination serves goals here\"}"));
        JsonNode path2 = get(S + "/areas/a1/path?waveId=w2&lang=en");
        assertThat(path2.path("targets").findValuesAsText("dimension")).isEmpty();
        assertThat(path2.path("targetProfile").path("fromWaveId").asText()).isEqualTo("w2");
        assertThat(path2.path("targetProfile").path("rationale").asText()).isEqualTo("Coordination serves goals here");
        assertThat(get(S + "/areas/a1/path?waveId=w1&lang=en").path("targets").findValuesAsText("dimension"))
                .containsExactly("information_sharing", "power", "communication", "goals");

        // the export: the same numbers and stages, the units and bands documented
        ExportZip export = ExportZip.get(port, "admin", "rules-admin", S + "/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>(List.of(export.file("scores_long.csv").split("\n")));
        // power: the answers alone count (2, 2, 2: sd 0, the interval [2, 2]); H2's segments 1/2, 2/1 and 3/3 are
        // 2, 2 and 3 measured: one informant at 2.333, reported but below the minimum
        assertThat(rows).anyMatch(r -> r.contains(",w1,") && r.contains(",power,combined,3,,,2.000,2.000,2.000,"
                + "cooperation_or_coordination,sufficient,keast-mandell-2014,1.1.0"));
        assertThat(rows).anyMatch(r -> r.contains(",w1,") && r.contains(",power,interviews,1,2.333,,,,,,insufficient,"));
        assertThat(rows).anyMatch(r -> r.contains(",w1,") && r.contains(",information_sharing,interviews,3,2.000,1.000,"));
        String readme = export.file("README.md");
        assertThat(readme).contains("Interview unit: the **informant**")
                .contains("power: [1, 2.5) cooperation_or_coordination, [2.5, 3] collaboration");
    }

    private static JsonNode point(JsonNode trajectory, String dimension, int wave) {
        for (JsonNode d : trajectory.path("dimensions")) {
            if (d.path("dimension").asText().equals(dimension)) {
                return d.path("points").get(wave);
            }
        }
        throw new AssertionError("no " + dimension);
    }

    private void sa(String wave, String pseudonym, String answers) {
        write(api.post(S + "/self-assessments", Slice.selfAssessment("a1", wave, pseudonym, answers)));
    }

    private void interview(String id, String informant) {
        write(api.post(S + "/interviews", "{\"id\":\"" + id + "\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"" + informant + "\",\"organisationType\":\"municipality\","
                + "\"actorLevel\":\"leadership\"},\"areaIds\":[\"a1\"]}"));
    }

    private void finding(String interview, String id, String segment, String dimension, int stage, String coder) {
        write(api.post(S + "/interviews/" + interview + "/findings", "{\"id\":\"" + id + "\",\"segmentId\":\""
                + segment + "\",\"areaId\":\"a1\",\"dimension\":\"" + dimension + "\",\"stage\":" + stage
                + ",\"coder\":\"" + coder + "\",\"codes\":[]}"));
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
