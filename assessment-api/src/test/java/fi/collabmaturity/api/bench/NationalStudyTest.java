package fi.collabmaturity.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's generator: the national shape, its counts, and the same requests from the same seed. */
class NationalStudyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generatesTheNationalShape() throws Exception {
        NationalStudy study = new NationalStudy(7, 1.0);
        assertThat(study.areas()).hasSize(352);
        assertThat(study.areas().stream().map(NationalStudy.Area::regionCode).distinct()).hasSize(22);
        assertThat(study.areas().stream().map(NationalStudy.Area::themeCode).distinct()).hasSize(16);
        assertThat(study.areas().stream().map(NationalStudy.Area::id).distinct()).hasSize(352);
        assertThat(study.interviewAreas()).hasSize(30).doesNotHaveDuplicates();
        assertThat(study.setup()).hasSize(1 + 3 + 352);

        List<NationalStudy.Write> answers = study.selfAssessments();
        assertThat(answers).hasSize(352 * 3 * 40);
        Set<String> ids = new HashSet<>();
        for (NationalStudy.Write write : answers) {
            JsonNode body = JSON.readTree(write.body());
            ids.add(body.get("id").asText());
            assertThat(body.get("answers").size()).isEqualTo(8);
            body.get("answers").forEach(a -> assertThat(a.asDouble() * 2).isBetween(2.0, 6.0)
                    .isEqualTo(Math.rint(a.asDouble() * 2)));
        }
        assertThat(ids).hasSize(answers.size());

        List<NationalStudy.InterviewScript> interviews = study.interviews();
        assertThat(interviews).hasSize(30 * 3 * 18);
        long segments = 0;
        long secondCodings = 0;
        for (NationalStudy.InterviewScript script : interviews) {
            for (NationalStudy.Write finding : script.findings()) {
                if (JSON.readTree(finding.body()).get("coder").asText().equals("coder-b")) {
                    secondCodings++;
                } else {
                    segments++;
                }
            }
        }
        assertThat(segments).isEqualTo(30L * 3 * 18 * 30);
        assertThat(secondCodings * 5).isEqualTo(segments);
        assertThat(study.events()).isEqualTo(356 + 2 * 42_240 + 1_620 + 48_600 + 9_720);
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        NationalStudy one = new NationalStudy(42, 0.1);
        NationalStudy two = new NationalStudy(42, 0.1);
        assertThat(two.setup()).isEqualTo(one.setup());
        assertThat(two.selfAssessments()).isEqualTo(one.selfAssessments());
        assertThat(two.interviews()).isEqualTo(one.interviews());
        assertThat(new NationalStudy(43, 0.1).selfAssessments()).isNotEqualTo(one.selfAssessments());
    }

    @Test
    void aFractionKeepsTheShapeAndEachAreaItsRequests() {
        NationalStudy tenth = new NationalStudy(42, 0.1);
        assertThat(tenth.areas()).hasSize(35);
        assertThat(tenth.interviewAreas()).hasSize(3);
        assertThat(tenth.areas().stream().map(NationalStudy.Area::regionCode).distinct()).hasSize(22);
        // an area's answers do not depend on which other areas are generated
        NationalStudy.Area area = tenth.areas().get(1);
        List<NationalStudy.Write> full = new NationalStudy(42, 1.0).selfAssessments().stream()
                .filter(w -> w.body().contains("\"areaId\":\"" + area.id() + "\"")).toList();
        List<NationalStudy.Write> part = tenth.selfAssessments().stream()
                .filter(w -> w.body().contains("\"areaId\":\"" + area.id() + "\"")).toList();
        assertThat(part).hasSize(120).isEqualTo(full);
    }

    @Test
    void tenTimesRepeatsTheGridWithAreasOfTheirOwnAboutAMillionEvents() {
        NationalStudy ten = new NationalStudy(42, 10);
        NationalStudy national = new NationalStudy(42, 1);
        assertThat(ten.areas()).hasSize(3_520);
        assertThat(ten.areas().stream().map(NationalStudy.Area::id).distinct()).hasSize(3_520);
        // every county and theme pair ten times
        assertThat(ten.areas().stream().collect(Collectors.groupingBy(a -> a.regionCode() + "/" + a.themeCode(),
                Collectors.counting())).values()).hasSize(352).containsOnly(10L);
        assertThat(ten.interviewAreas()).hasSize(300).doesNotHaveDuplicates();
        assertThat(ten.setup()).hasSize(1 + 3 + 3_520);
        assertThat(ten.selfAssessments()).hasSize(3_520 * 3 * 40);
        assertThat(ten.interviews()).hasSize(300 * 3 * 18);
        assertThat(ten.events()).isEqualTo(3_524 + 2 * 422_400 + 16_200 + 16_200 * 36);
        // the national areas are the first of the grid's replicas, with the same requests
        assertThat(ten.areas().subList(0, 352)).isEqualTo(national.areas());
        NationalStudy.Area first = national.areas().get(5);
        NationalStudy.Area copy = ten.areas().get(352 + 5);
        assertThat(copy.id()).isEqualTo(first.id() + "-x1");
        assertThat(copy.regionCode()).isEqualTo(first.regionCode());
        List<NationalStudy.Write> inTen = ten.selfAssessments().stream()
                .filter(w -> w.body().contains("\"areaId\":\"" + first.id() + "\"")).toList();
        assertThat(inTen).hasSize(120).isEqualTo(national.selfAssessments().stream()
                .filter(w -> w.body().contains("\"areaId\":\"" + first.id() + "\"")).toList());
        // a replica draws from its own stream: not the answers of the area it copies
        List<String> copied = ten.selfAssessments().stream()
                .filter(w -> w.body().contains("\"areaId\":\"" + copy.id() + "\""))
                .map(w -> w.body().replace(copy.id(), first.id())).toList();
        assertThat(copied).hasSize(120).isNotEqualTo(inTen.stream().map(NationalStudy.Write::body).toList());
    }

    @Test
    void aScaleOutsideTheSupportedRangeIsRefused() {
        assertThatThrownBy(() -> new NationalStudy(42, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NationalStudy(42, NationalStudy.MAX_SCALE * 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
