package fi.collabmaturity.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice of the foundation, run through real HTTP and checked to the last decimal: the same scenario serves the
 * embedded default and the MongoDB path, so both are held to the same numbers.
 */
public final class SliceScenario {

    private SliceScenario() {
    }

    /** Records the slice and returns the position of its last write. */
    public static long record(ApiClient api, String studyId) {
        ApiClient.Response study = api.post("/api/v1/studies", Slice.study(studyId));
        assertThat(study.status()).as(study.toString()).isEqualTo(201);
        assertThat(study.header("Location")).isEqualTo("/api/v1/studies/" + studyId);
        assertThat(study.json().path("framework").path("id").asText()).isEqualTo("keast-mandell-2014");

        ApiClient.Response wave = api.post("/api/v1/studies/" + studyId + "/waves", Slice.wave("w2023"));
        assertThat(wave.status()).as(wave.toString()).isEqualTo(201);
        assertThat(wave.header("Location")).isEqualTo("/api/v1/studies/" + studyId + "/waves/w2023");

        ApiClient.Response area = api.post("/api/v1/studies/" + studyId + "/areas", Slice.area("lapland-hyte"));
        assertThat(area.status()).as(area.toString()).isEqualTo(201);
        assertThat(area.header("Location")).isEqualTo("/api/v1/studies/" + studyId + "/areas/lapland-hyte");

        long position = 0;
        String[] answers = {
                "{\"trust\":2.0,\"goals\":1.0,\"communication\":3.0,\"power\":2.0,\"resources\":1.5}",
                "{\"trust\":2.0,\"goals\":1.0,\"communication\":3.0,\"power\":2.0}",
                "{\"trust\":2.5,\"goals\":1.5,\"communication\":3.0,\"power\":2.0,\"resources\":1.5}"};
        for (int i = 0; i < answers.length; i++) {
            ApiClient.Response sa = api.post("/api/v1/studies/" + studyId + "/self-assessments",
                    Slice.selfAssessment("lapland-hyte", "w2023", "R" + (i + 1), answers[i]));
            assertThat(sa.status()).as(sa.toString()).isEqualTo(201);
            assertThat(sa.json().path("id").asText()).isNotBlank();
            assertThat(sa.header("Location")).startsWith("/api/v1/studies/" + studyId + "/self-assessments/");
            assertThat(sa.position()).isGreaterThan(position);
            position = sa.position();
        }
        return position;
    }

    /** The profile of the slice, hand-computed (see the comments), as the API must show it. */
    public static void assertProfile(JsonNode profile) {
        assertThat(profile.path("areaId").asText()).isEqualTo("lapland-hyte");
        assertThat(profile.path("waveId").asText()).isEqualTo("w2023");
        assertThat(profile.path("framework").path("version").asText()).isEqualTo("1.1.0");
        assertThat(profile.path("asOf").path("position").asLong()).isPositive();
        // trust 2.0, 2.0, 2.5: mean 2.1667, sd 0.2887, t(0.975,2)=4.3027 → 2.1667 ± 0.7172
        JsonNode trust = dimension(profile, "trust");
        assertThat(trust.path("score").asDouble()).isEqualTo(2.167);
        assertThat(trust.path("stage").asText()).isEqualTo("coordination");
        assertThat(trust.path("stageNumber").asInt()).isEqualTo(2);
        JsonNode self = trust.path("sources").path("selfAssessments");
        assertThat(self.path("n").asInt()).isEqualTo(3);
        assertThat(self.path("sd").asDouble()).isEqualTo(0.289);
        assertThat(self.path("ciLow").asDouble()).isEqualTo(1.45);
        assertThat(self.path("ciHigh").asDouble()).isEqualTo(2.884);
        assertThat(trust.path("sources").path("interviews").path("n").asInt()).isZero();
        assertThat(trust.path("triangulationGap").isNull()).isTrue();
        // goals 1.0, 1.0, 1.5: mean 1.1667, cooperation, the weakest
        assertThat(dimension(profile, "goals").path("score").asDouble()).isEqualTo(1.167);
        assertThat(dimension(profile, "goals").path("stage").asText()).isEqualTo("cooperation");
        // resources answered twice only: below the minimum n of 3, so no score, but n and mean are reported
        JsonNode resources = dimension(profile, "resources");
        assertThat(resources.path("evidence").asText()).isEqualTo("insufficient");
        assertThat(resources.path("score").isNull()).isTrue();
        assertThat(resources.path("stage").isNull()).isTrue();
        assertThat(resources.path("sources").path("selfAssessments").path("n").asInt()).isEqualTo(2);
        assertThat(resources.path("sources").path("selfAssessments").path("mean").asDouble()).isEqualTo(1.5);
        // skipped entirely
        assertThat(dimension(profile, "commitment").path("sources").path("selfAssessments").path("n").asInt())
                .isZero();
        // overall: 4 of 8 dimensions scored (enough): (2.1667 + 3 + 1.1667 + 2) / 4 = 2.0833
        assertThat(profile.path("overall").path("score").asDouble()).isEqualTo(2.083);
        assertThat(profile.path("overall").path("stage").asText()).isEqualTo("coordination");
        assertThat(profile.path("weakestDimension").asText()).isEqualTo("goals");
        assertThat(profile.path("dimensions")).hasSize(8);
        assertThat(profile.path("dimensions").get(0).path("dimension").asText()).isEqualTo("trust");
        assertThat(profile.path("dimensions").get(7).path("dimension").asText()).isEqualTo("commitment");
    }

    public static JsonNode dimension(JsonNode profile, String code) {
        for (JsonNode d : profile.path("dimensions")) {
            if (code.equals(d.path("dimension").asText())) {
                return d;
            }
        }
        throw new AssertionError("no dimension " + code + " in " + profile);
    }
}
