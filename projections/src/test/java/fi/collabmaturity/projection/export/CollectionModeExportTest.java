package fi.collabmaturity.projection.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.selfassessment.CollectionMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each self-assessment was collected, in self_assessments_long.csv: {@code api} for one without a mark,
 * {@code spreadsheet} for one whose event an import marked, {@code questionnaire} with its id for one a questionnaire
 * of the study names, and the codebooks describing both columns from their one definition.
 */
class CollectionModeExportTest {

    private static StudyEvents study() {
        return new StudyEvents("c1").study("Collection")
                .wave("w2024", "2024", "2024-09-01")
                .area("a-area", "01", "employment")
                .selfAssessment("sa1", "a-area", "w2024", "P1", "trust=2.0", Map.of())
                .selfAssessment("sa2", "a-area", "w2024", "P2", "trust=2.5", Map.of())
                .withMetaData(CollectionMode.META_DATA_KEY, CollectionMode.SPREADSHEET)
                // another entry of the metadata (a user name, say) does not make an answer imported
                .selfAssessment("sa3", "a-area", "w2024", "P3", "trust=1.5", Map.of())
                .withMetaData("username", "spreadsheet")
                // a questionnaire's answer, then its replacement through the same invitation (the first withdrawn)
                .selfAssessment("sa4", "a-area", "w2024", "Q1", "trust=1.0", Map.of())
                .questionnaireAnswered("q-1", "sa4", "a-area", "w2024", null)
                .withdrawSelfAssessment("sa4", "a-area", "w2024")
                .selfAssessment("sa5", "a-area", "w2024", "Q1", "trust=3.0", Map.of())
                .questionnaireAnswered("q-1", "sa5", "a-area", "w2024", "sa4")
                // the questionnaire's event may come first in its unit of work
                .questionnaireAnswered("q-2", "sa6", "a-area", "w2024", null)
                .selfAssessment("sa6", "a-area", "w2024", "Q2", "trust=2.0", Map.of())
                // another study's questionnaire naming this study's answer changes nothing
                .also(new fi.collabmaturity.questionnaire.QuestionnaireAnswered("q-9", "other", "sa1", "a-area",
                        "w2024", null, "0".repeat(64), null));
    }

    /** The mode is not personal data: an erased respondent's answer keeps it. */
    @Test
    void saysWhichAnswersWereTypedInAndWhichImported() throws IOException {
        StudyEvents s = study();
        String p3 = s.participant("P3");
        s.keys.destroy(p3);
        assertThat(ExportArchiveTest.export(s, ExportOptions.DEFAULT).get("self_assessments_long.csv")).isEqualTo("""
                study_id,wave_id,area_id,self_assessment_id,respondent_pseudonym,organisation_type,actor_level,\
                respondent_erased,respondent_kind,group_size,collection_mode,questionnaire_id,dimension,value
                c1,w2024,a-area,sa1,P1,municipality,coordination,false,person,,api,,trust,2.0
                c1,w2024,a-area,sa2,P2,municipality,coordination,false,person,,spreadsheet,,trust,2.5
                c1,w2024,a-area,sa5,Q1,municipality,coordination,false,person,,questionnaire,q-1,trust,3.0
                c1,w2024,a-area,sa6,Q2,municipality,coordination,false,person,,questionnaire,q-2,trust,2.0
                c1,w2024,a-area,sa3,erased-%s,,,true,,,api,,trust,1.5
                """.formatted(p3.substring(0, 8)));
    }

    @Test
    void describesBothColumnsInTheDataPackage() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(ExportArchiveTest.export(study(), ExportOptions.DEFAULT)
                .get("datapackage.json"));
        JsonNode mode = field(pkg, "collection_mode");
        assertThat(mode.path("type").asText()).isEqualTo("string");
        assertThat(mode.path("constraints").path("required").asBoolean()).isTrue();
        assertThat(values(mode.path("constraints").path("enum")))
                .containsExactly("api", "spreadsheet", "questionnaire");
        assertThat(mode.path("categories").get(2).path("value").asText()).isEqualTo("questionnaire");
        assertThat(mode.path("categories").get(2).path("labels").path("fi").asText())
                .isEqualTo("Vastaajan itse täyttämä kysely");
        assertThat(mode.path("categories").get(1).path("labels").path("en").asText())
                .isEqualTo("Imported from a spreadsheet");
        assertThat(mode.path("description").asText()).contains("show as api");
        JsonNode questionnaire = field(pkg, "questionnaire_id");
        assertThat(questionnaire.path("type").asText()).isEqualTo("string");
        assertThat(questionnaire.path("constraints").path("required").asBoolean()).isFalse();
        assertThat(questionnaire.path("constraints").has("enum")).isFalse();
        assertThat(questionnaire.path("description").asText()).contains("when collection_mode = questionnaire");
    }

    @Test
    void describesBothColumnsInTheDdiCodebookAndTheReadme() throws IOException {
        Map<String, String> files = ExportArchiveTest.export(study(), ExportOptions.DEFAULT);
        String ddi = files.get("codebook-ddi.xml");
        assertThat(variable(ddi, "V_self_assessments_long_collection_mode"))
                .contains("<labl xml:lang=\"fi\">Keruutapa</labl>")
                .contains("<labl xml:lang=\"en\">Collection mode</labl>")
                .contains("<catValu>api</catValu>").contains("<catValu>spreadsheet</catValu>")
                .contains("<catValu>questionnaire</catValu>")
                .contains("<labl xml:lang=\"fi\">Tuotu taulukkotiedostosta</labl>")
                .contains("<labl xml:lang=\"en\">Entered by a researcher (API)</labl>")
                .doesNotContain("May be missing");
        assertThat(variable(ddi, "V_self_assessments_long_questionnaire_id"))
                .contains("<labl xml:lang=\"en\">Questionnaire identifier</labl>")
                .contains("May be missing (empty).");
        assertThat(files.get("README.md")).contains("`collection_mode`", "`questionnaire_id`",
                "Imports recorded before the import began to mark its events show as `api`.");
    }

    static JsonNode field(JsonNode pkg, String name) {
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
