package fi.collabmaturity.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(study.events()).isEqualTo(356 + 42_240 + 1_620 + 48_600 + 9_720);
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
}
