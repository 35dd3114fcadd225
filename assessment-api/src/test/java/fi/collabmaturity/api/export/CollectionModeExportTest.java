package fi.collabmaturity.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import fi.collabmaturity.api.questionnaire.QuestionnaireForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collection mode of each self-assessment in the export, through the real write side: an answer typed in
 * through the API is {@code api}, the rows of a spreadsheet import (also a one-row file, and a row that replaces a
 * typed-in answer) are {@code spreadsheet}, an answer sent through a questionnaire's open link (opened through the
 * researcher API, answered through {@link QuestionnaireForms} as the public form does) is {@code questionnaire} with
 * the questionnaire's id; the codebooks stay valid and every row's mode is one of the codes
 * datapackage.json allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionModeExportTest {

    static final Path dataDir = TestData.freshFolder("collection-mode");
    static final String S = "/api/v1/studies/cm";
    static final String IMPORT = S + "/self-assessments/import";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "mode-admin-pw");
    }

    @LocalServerPort
    int port;
    @Autowired
    QuestionnaireForms forms;
    ApiClient researcher;
    /** The self-assessment id of each pseudonym, as the write side answered. */
    final Map<String, String> ids = new LinkedHashMap<>();
    String questionnaireId;

    @BeforeAll
    void recordTheStudy() {
        researcher = new ApiClient(port, "admin", "mode-admin-pw").createAccount("rita", "RESEARCHER");
        created(researcher.post("/api/v1/studies", Slice.study("cm")));
        created(researcher.post(S + "/waves", Slice.wave("w1")));
        created(researcher.post(S + "/areas", Slice.area("hyte")));
        ids.put("A-TYPED", created(researcher.post(S + "/self-assessments",
                Slice.selfAssessment("hyte", "w1", "A-TYPED", "{\"trust\":2.0}"))).json().path("id").asText());
        ids.put("A-REPLACED", created(researcher.post(S + "/self-assessments",
                Slice.selfAssessment("hyte", "w1", "A-REPLACED", "{\"trust\":1.0}"))).json().path("id").asText());
        JsonNode two = created(researcher.upload(IMPORT, "kaksi.csv", "text/csv", file(
                "hyte;w1;S-ONE;municipality;leadership;2,5", "hyte;w1;S-TWO;ngo;operations;3"))).json();
        ids.put("S-ONE", two.path("ids").get(0).asText());
        ids.put("S-TWO", two.path("ids").get(1).asText());
        // one row alone: told by the import's mark, not by several answers sharing a command
        ids.put("S-ALONE", created(researcher.upload(IMPORT, "yksi.csv", "text/csv",
                file("hyte;w1;S-ALONE;municipality;leadership;1,5"))).json().path("ids").get(0).asText());
        // a corrected file replaces the typed-in answer: the new answer came from the spreadsheet
        ids.put("A-REPLACED", created(researcher.upload(IMPORT + "?replace=true", "korjattu.csv", "text/csv",
                file("hyte;w1;A-REPLACED;municipality;coordination;2"))).json().path("ids").get(0).asText());
        questionnaireId = answerThroughAQuestionnaire();
    }

    /**
     * Opens a questionnaire on the area through the researcher API and answers it as the public form does, through
     * {@link QuestionnaireForms}; returns the questionnaire's id.
     */
    private String answerThroughAQuestionnaire() {
        JsonNode opened = created(researcher.post(S + "/questionnaires", "{\"areaIds\":[\"hyte\"],\"waveId\":\"w1\","
                + "\"languages\":[\"fi\",\"en\"],\"mode\":\"open\",\"privacyNotice\":{\"fi\":\"Tietosuojaseloste.\","
                + "\"en\":\"Privacy notice.\"},\"askComments\":false,\"askOrganisationType\":true,"
                + "\"askActorLevel\":true}")).json();
        String token = opened.path("url").asText().substring("/q/".length());
        QuestionnaireForms.Form form = forms.open(token).orElseThrow();
        QuestionnaireForms.Receipt receipt = forms.submit(token, new QuestionnaireForms.Submission(UUID.randomUUID().toString(), true,
                form.noticeVersion(), "fi", "hyte", Map.of("trust", new BigDecimal("2.5")), Map.of(), "ngo",
                "operations"));
        ids.put("questionnaire", receipt.selfAssessmentId());
        return opened.path("id").asText();
    }

    @Test
    void saysWhichAnswersWereTypedInAndWhichImported() throws IOException {
        ExportZip zip = export();
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        Map<String, String> modeOf = new LinkedHashMap<>();
        for (CSVRecord r : csv(zip.file("self_assessments_long.csv"))) {
            modeOf.put(r.get("self_assessment_id"), r.get("collection_mode") + "|" + r.get("questionnaire_id"));
        }
        assertThat(modeOf).containsOnly(
                Map.entry(ids.get("A-REPLACED"), "spreadsheet|"),
                Map.entry(ids.get("A-TYPED"), "api|"),
                Map.entry(ids.get("S-ALONE"), "spreadsheet|"),
                Map.entry(ids.get("S-ONE"), "spreadsheet|"),
                Map.entry(ids.get("S-TWO"), "spreadsheet|"),
                Map.entry(ids.get("questionnaire"), "questionnaire|" + questionnaireId));
        assertThat(zip.file("self_assessments_long.csv").lines().findFirst().orElseThrow())
                .isEqualTo("study_id,wave_id,area_id,self_assessment_id,respondent_pseudonym,organisation_type,"
                        + "actor_level,respondent_erased,respondent_kind,group_size,collection_mode,questionnaire_id,"
                        + "dimension,value");
    }

    @Test
    void describesTheModesInValidCodebooksAndWritesOnlyTheirCodes() throws Exception {
        ExportZip zip = export();
        JsonNode pkg = JSON.readTree(zip.file("datapackage.json"));
        assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/datapackage.json", pkg)).isEmpty();
        JsonNode answers = pkg.path("resources").get(4);
        assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/tableschema.json", answers.path("schema")))
                .isEmpty();
        List<String> allowed = new ArrayList<>();
        for (JsonNode f : answers.path("schema").path("fields")) {
            if (f.path("name").asText().equals("collection_mode")) {
                f.path("constraints").path("enum").forEach(v -> allowed.add(v.asText()));
            }
        }
        assertThat(allowed).containsExactly("api", "spreadsheet", "questionnaire");
        assertThat(csv(zip.file("self_assessments_long.csv")))
                .extracting(r -> r.get("collection_mode")).isSubsetOf(allowed);
        SchemaValidation.validateXml("schemas/ddi-codebook-2.5/codebook.xsd",
                zip.file("codebook-ddi.xml").getBytes(StandardCharsets.UTF_8));
        assertThat(zip.file("codebook-ddi.xml")).contains("<var ID=\"V_self_assessments_long_collection_mode\"",
                "<var ID=\"V_self_assessments_long_questionnaire_id\"");
        assertThat(zip.file("README.md")).contains("`collection_mode`");
    }

    private ExportZip export() {
        return ExportZip.get(port, "rita", "rita-password-1", S + "/export");
    }

    private static byte[] file(String... rows) {
        StringBuilder text = new StringBuilder("areaId;waveId;pseudonym;organisationType;actorLevel;trust\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }
}
