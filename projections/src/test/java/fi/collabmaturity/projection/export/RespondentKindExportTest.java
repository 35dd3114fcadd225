package fi.collabmaturity.projection.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind of each self-assessment's respondent in the export: self_assessments_long.csv says person or group and the
 * group's size, and the codebooks describe both columns from their one definition. An erased respondent's kind is
 * gone with their other attributes.
 */
class RespondentKindExportTest {

    private static StudyEvents study() {
        return new StudyEvents("g1").study("Workshops")
                .wave("w2024", "2024", "2024-09-01")
                .area("a-area", "01", "employment")
                .selfAssessment("sa1", "a-area", "w2024", "P1", "trust=2.0", Map.of())
                .groupSelfAssessment("sa2", "a-area", "w2024", "W1", "trust=2.5", 12)
                .groupSelfAssessment("sa3", "a-area", "w2024", "W2", "trust=1.5", 4);
    }

    @Test
    void writesEachRespondentsKindAndAGroupsSizeAndNothingOfAnErasedOne() throws IOException {
        StudyEvents s = study();
        String w2 = s.participant("W2");
        s.keys.destroy(w2);

        assertThat(ExportArchiveTest.export(s, ExportOptions.DEFAULT).get("self_assessments_long.csv")).isEqualTo("""
                study_id,wave_id,area_id,self_assessment_id,respondent_pseudonym,organisation_type,actor_level,\
                respondent_erased,respondent_kind,group_size,collection_mode,questionnaire_id,dimension,value
                g1,w2024,a-area,sa1,P1,municipality,coordination,false,person,,api,,trust,2.0
                g1,w2024,a-area,sa2,W1,municipality,coordination,false,group,12,api,,trust,2.5
                g1,w2024,a-area,sa3,erased-%s,,,true,,,api,,trust,1.5
                """.formatted(w2.substring(0, 8)));
    }

    @Test
    void describesBothColumnsInTheDataPackage() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(ExportArchiveTest.export(study(), ExportOptions.DEFAULT)
                .get("datapackage.json"));
        JsonNode kind = field(pkg, "respondent_kind");
        assertThat(kind.path("type").asText()).isEqualTo("string");
        assertThat(kind.path("constraints").path("required").asBoolean()).isFalse();
        assertThat(values(kind.path("constraints").path("enum"))).containsExactly("person", "group");
        assertThat(kind.path("categories").get(1).path("value").asText()).isEqualTo("group");
        assertThat(kind.path("categories").get(1).path("labels").path("fi").asText()).startsWith("Ryhmä");
        assertThat(kind.path("categories").get(1).path("labels").path("en").asText()).startsWith("Group");
        JsonNode size = field(pkg, "group_size");
        assertThat(size.path("type").asText()).isEqualTo("integer");
        assertThat(size.path("constraints").path("minimum").asInt()).isEqualTo(2);
        assertThat(size.path("constraints").path("maximum").asInt()).isEqualTo(500);
        assertThat(size.path("description").asText()).contains("Empty for a person");
    }

    @Test
    void describesBothColumnsInTheDdiCodebookAndTheReadme() throws IOException {
        Map<String, String> files = ExportArchiveTest.export(study(), ExportOptions.DEFAULT);
        String ddi = files.get("codebook-ddi.xml");
        String kindVariable = variable(ddi, "V_self_assessments_long_respondent_kind");
        assertThat(kindVariable).contains("<labl xml:lang=\"en\">Respondent kind</labl>")
                .contains("<catValu>person</catValu>").contains("<catValu>group</catValu>")
                .contains("<labl xml:lang=\"fi\">Henkilö</labl>");
        assertThat(variable(ddi, "V_self_assessments_long_group_size"))
                .contains("<labl xml:lang=\"en\">Group size</labl>");
        assertThat(files.get("README.md")).contains("`respondent_kind`").contains("\"revision\", \"group_size\"");
    }

    private static JsonNode field(JsonNode pkg, String name) {
        for (JsonNode resource : pkg.path("resources")) {
            if (resource.path("name").asText().equals("self_assessments_long")) {
                for (JsonNode f : resource.path("schema").path("fields")) {
                    if (f.path("name").asText().equals(name)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError("no field " + name + " in self_assessments_long of " + pkg);
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String variable(String ddi, String id) {
        int start = ddi.indexOf("<var ID=\"" + id + "\"");
        assertThat(start).as("variable " + id + " in the DDI codebook").isNotNegative();
        return ddi.substring(start, ddi.indexOf("</var>", start));
    }
}
