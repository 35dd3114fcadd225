package fi.collabmaturity.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of a small known study over real HTTP: every file's content against hand-computed numbers and against
 * the profile endpoint, the three schema validations, reproducibility (byte-identical, asOf, replay), the access
 * rules, and erased participants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportTest {

    static final Path dataDir = TestData.freshFolder("export");
    static final String S = "/api/v1/studies/exp";
    static final String EXPORT = S + "/export";
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> DIMENSIONS = List.of("trust", "communication", "information_sharing", "goals", "power",
            "resources", "accountability", "commitment");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "export-admin-pw");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    ParticipantKeyStore keys;

    ApiClient admin;
    ApiClient researcher;
    /** The position before the 2024 answer was recorded, and the head after everything. */
    long before2024;
    long head;

    @BeforeAll
    void recordTheKnownStudy() {
        admin = new ApiClient(port, "admin", "export-admin-pw");
        for (String account : List.of(
                "{\"username\":\"maija\",\"password\":\"maija-password-1\",\"roles\":[\"RESEARCHER\"]}",
                "{\"username\":\"olli\",\"password\":\"olli-password-1\",\"roles\":[\"RESEARCHER\"]}",
                "{\"username\":\"ville\",\"password\":\"ville-password-1\",\"roles\":[\"VIEWER\"]}")) {
            created(admin.post("/api/v1/accounts", account));
        }
        researcher = admin.as("maija", "maija-password-1");
        created(researcher.post("/api/v1/studies",
                "{\"id\":\"exp\",\"title\":\"Export study\",\"frameworkId\":\"keast-mandell-2014\","
                        + "\"frameworkVersion\":\"1.0.0\"}"));
        created(researcher.post(S + "/members", "{\"username\":\"ville\",\"role\":\"VIEWER\"}"));
        // the later wave first: the export orders waves by date, not by recording
        created(researcher.post(S + "/waves",
                "{\"id\":\"w2024\",\"label\":\"2024\",\"opensOn\":\"2024-09-01\",\"closesOn\":\"2024-12-31\"}"));
        created(researcher.post(S + "/waves", "{\"id\":\"w2023\",\"label\":\"2023 baseline\","
                + "\"opensOn\":\"2023-09-01\",\"closesOn\":\"2023-12-31\"}"));
        created(researcher.post(S + "/areas", "{\"id\":\"hyte\",\"name\":\"Lapland · HYTE\",\"regionCode\":\"21\","
                + "\"interfaceTheme\":\"hyte\",\"parties\":[{\"type\":\"wellbeing_services_county\","
                + "\"name\":\"Lapin hyvinvointialue\"},{\"type\":\"regional_council\",\"name\":\"Lapin liitto\"}]}"));
        created(researcher.post(S + "/areas", "{\"id\":\"employment\",\"name\":\"Itä-Uusimaa · employment\","
                + "\"regionCode\":\"01\",\"interfaceTheme\":\"employment\",\"parties\":[{\"type\":\"municipality\","
                + "\"name\":\"Porvoo\",\"code\":\"638\"}],\"targetProfile\":{\"power\":2,\"resources\":2}}"));

        selfAssessment("sa-r1", "w2023", "R1", "{\"trust\":2.0,\"goals\":1.0,\"communication\":3.0,\"power\":2.0,"
                + "\"resources\":1.5}", "{\"goals\":\"Kukaan ei vastaa.\",\"commitment\":\"Ei aikaa.\"}");
        selfAssessment("sa-r2", "w2023", "R2", "{\"trust\":2.0,\"goals\":1.0,\"communication\":3.0,\"power\":2.0}",
                null);
        selfAssessment("sa-r3", "w2023", "R3", "{\"trust\":2.5,\"goals\":1.5,\"communication\":3.0,\"power\":2.0,"
                + "\"resources\":1.5}", null);
        selfAssessment("sa-r4", "w2023", "R4", "{\"trust\":1.0}", null);
        ok(researcher.send("DELETE", S + "/self-assessments/sa-r4", "application/json", "{\"reason\":\"duplicate\"}"));

        created(researcher.post(S + "/interviews", "{\"id\":\"i01\",\"waveId\":\"w2023\",\"conductedOn\":"
                + "\"2023-10-05\",\"informant\":{\"pseudonym\":\"H01\",\"organisationType\":\"ngo\","
                + "\"actorLevel\":\"leadership\"},\"areaIds\":[\"hyte\"]}"));
        String findings = S + "/interviews/i01/findings";
        created(researcher.post(findings, "{\"id\":\"f-a\",\"segmentId\":\"seg-1\",\"areaId\":\"hyte\","
                + "\"dimension\":\"goals\",\"stage\":1,\"codes\":[\"unclear responsibilities\"],"
                + "\"excerpt\":\"Kukaan ei tiedä, kuka tätä johtaa.\"}"));
        created(researcher.post(findings, "{\"id\":\"f-b\",\"segmentId\":\"seg-1\",\"areaId\":\"hyte\","
                + "\"dimension\":\"goals\",\"stage\":2,\"codes\":[\"reactive\"],\"coder\":\"second-coder\"}"));
        created(researcher.post(findings, "{\"id\":\"f-c\",\"areaId\":\"hyte\",\"dimension\":\"goals\",\"stage\":1,"
                + "\"codes\":[\"resource gap\"]}"));
        created(researcher.post(findings, "{\"id\":\"f-d\",\"areaId\":\"hyte\",\"dimension\":\"goals\",\"stage\":3,"
                + "\"codes\":[]}"));
        ok(researcher.put(findings + "/f-d", "{\"dimension\":\"goals\",\"stage\":2,\"codes\":[\"reactive\"]}"));
        created(researcher.post(findings, "{\"id\":\"f-e\",\"areaId\":\"hyte\",\"dimension\":\"trust\",\"stage\":3,"
                + "\"codes\":[\"withdrawn code\"]}"));
        ok(researcher.send("DELETE", findings + "/f-e?reason=coded%20twice", null, null));
        created(researcher.post(S + "/interviews", "{\"id\":\"i02\",\"waveId\":\"w2023\",\"conductedOn\":"
                + "\"2023-10-12\",\"informant\":{\"pseudonym\":\"H02\",\"organisationType\":\"municipality\","
                + "\"actorLevel\":\"operations\"},\"areaIds\":[\"hyte\"]}"));
        before2024 = created(researcher.post(S + "/interviews/i02/findings", "{\"id\":\"f-x\",\"areaId\":\"hyte\","
                + "\"dimension\":\"trust\",\"stage\":2,\"codes\":[\"reactive\"],\"excerpt\":\"Luotamme toisiimme.\"}"))
                .position();
        head = selfAssessment("sa-r1-2024", "w2024", "R1", "{\"trust\":3.0}", null).position();
        // the read side has caught up, so that the profiles compared below are complete
        assertThat(researcher.get(S + "/areas/hyte/profile?waveId=w2024&minPosition=" + head).status())
                .isEqualTo(200);
        assertThat(positions.head()).isEqualTo(head);
    }

    @Test
    @Order(1)
    void streamsAZipWithEveryFileAtItsRoot() {
        ExportZip zip = export(EXPORT);
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition")).isEqualTo("attachment; filename=\"exp-export-" + head + ".zip\"");
        assertThat(zip.header("X-Assessment-Position")).isEqualTo(Long.toString(head));
        assertThat(zip.header("Cache-Control")).isEqualTo("no-store");
        assertThat(zip.entries().keySet()).containsExactly("waves.csv", "areas.csv", "scores_long.csv",
                "targets_long.csv", "self_assessments_long.csv", "findings.csv", "datapackage.json",
                "codebook-ddi.xml", "codes.qdc", "README.md", "manifest.json");
    }

    @Test
    @Order(2)
    void writesWavesInDateOrderAndAreasById() {
        ExportZip zip = export(EXPORT);
        assertThat(zip.file("waves.csv")).isEqualTo("""
                study_id,wave_id,wave_index,wave_label,wave_opens_on,wave_closes_on,wave_closed
                exp,w2023,1,2023 baseline,2023-09-01,2023-12-31,false
                exp,w2024,2,2024,2024-09-01,2024-12-31,false
                """);
        List<String> areas = zip.file("areas.csv").lines().toList();
        assertThat(areas).hasSize(3);
        assertThat(areas.get(1)).isEqualTo("exp,employment,Itä-Uusimaa · employment,01,"
                + "Itä-Uudenmaan hyvinvointialue,East Uusimaa wellbeing services county,employment,"
                + "Työllisyyden hoito,Employment,Porvoo,municipality,3,3,3,3,2,2,3,3");
        assertThat(areas.get(2)).isEqualTo("exp,hyte,Lapland · HYTE,21,Lapin hyvinvointialue,"
                + "Lapland wellbeing services county,hyte,Hyvinvoinnin ja terveyden edistäminen (HYTE),"
                + "Wellbeing and health promotion (HYTE),Lapin hyvinvointialue;Lapin liitto,"
                + "wellbeing_services_county;regional_council,3,3,3,3,3,3,3,3");
    }

    @Test
    @Order(3)
    void scoresTheHandComputedNumbers() {
        String csv = export(EXPORT).file("scores_long.csv");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("study_id,wave_id,wave_label,wave_opens_on,"
                + "wave_closes_on,area_id,region_code,interface_theme,dimension,source,n,mean,sd,ci_low,ci_high,"
                + "score,stage,evidence,framework_id,framework_version");
        // 2 waves x 2 areas x 8 dimensions x 3 rows, and a header
        assertThat(csv.lines().count()).isEqualTo(1 + 2 * 2 * 8 * 3);
        String row = "exp,w2023,2023 baseline,2023-09-01,2023-12-31,hyte,21,hyte,";
        // the hand-computed numbers are those of 1.0.0's rules (one unit per segment, raw power values)
        String fw = ",keast-mandell-2014,1.0.0\n";
        // trust: answers 2.0, 2.0, 2.5 (R4's 1.0 withdrawn): mean 2.1667, sd 0.2887,
        // t(0.975, 2) = 4.3027: 2.1667 ± 0.7172; interviews: f-x only (f-e withdrawn), below the minimum n of 3
        assertThat(csv).contains(row + "trust,interviews,1,2.000,,,,,,insufficient" + fw);
        assertThat(csv).contains(row + "trust,self_assessments,3,2.167,0.289,1.450,2.884,,,sufficient" + fw);
        // the combined row's interval is its only counted source's
        assertThat(csv).contains(row + "trust,combined,3,,,1.450,2.884,2.167,coordination,sufficient" + fw);
        // communication: 3.0 three times; sd 0, an interval of width 0
        assertThat(csv).contains(row + "communication,self_assessments,3,3.000,0.000,3.000,3.000,,,sufficient" + fw);
        assertThat(csv).contains(row + "communication,combined,3,,,3.000,3.000,3.000,collaboration,sufficient" + fw);
        // goals from interviews: segment seg-1 coded 1 and 2 counts once as 1.5; f-c 1; f-d recoded 3 → 2:
        // units 1.5, 1, 2: mean 1.5, sd 0.5, 1.5 ± 1.242 clipped to the scale → [1, 2.742]
        assertThat(csv).contains(row + "goals,interviews,3,1.500,0.500,1.000,2.742,,,sufficient" + fw);
        // goals answers 1.0, 1.0, 1.5: mean 1.1667, sd 0.2887, 1.1667 ± 0.7171 → [1, 1.884]
        assertThat(csv).contains(row + "goals,self_assessments,3,1.167,0.289,1.000,1.884,,,sufficient" + fw);
        // both sources count, equal weights: (1.5 + 1.1667) / 2 = 1.3333 → cooperation; 6 units; the interval the
        // mean of the reported ends: (1 + 1) / 2, (2.742 + 1.884) / 2 = 2.313
        assertThat(csv).contains(row + "goals,combined,6,,,1.000,2.313,1.333,cooperation,sufficient" + fw);
        // power 2.0 three times: stage 2 (stages 1 and 2 share the power descriptor; the higher one is credited)
        assertThat(csv).contains(row + "power,combined,3,,,2.000,2.000,2.000,coordination,sufficient" + fw);
        // resources answered twice: reported, but no score; missing is empty, never 0
        assertThat(csv).contains(row + "resources,self_assessments,2,1.500,0.000,1.500,1.500,,,insufficient" + fw);
        assertThat(csv).contains(row + "resources,combined,0,,,,,,,insufficient" + fw);
        assertThat(csv).contains(row + "commitment,interviews,0,,,,,,,insufficient" + fw);
        // the panel: R1 again in 2024, one answer
        assertThat(csv).contains("exp,w2024,2024,2024-09-01,2024-12-31,hyte,21,hyte,trust,self_assessments,1,"
                + "3.000,,,,,,insufficient" + fw);
        // an area without any evidence still has its rows
        assertThat(csv).contains("exp,w2023,2023 baseline,2023-09-01,2023-12-31,employment,01,employment,goals,"
                + "combined,0,,,,,,,insufficient" + fw);
    }

    @Test
    @Order(4)
    void scoresEqualTheProfileEndpointToTheDigit() throws IOException {
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : csv(export(EXPORT).file("scores_long.csv"))) {
            rows.put(r.get("wave_id") + "/" + r.get("area_id") + "/" + r.get("dimension") + "/" + r.get("source"), r);
        }
        int compared = 0;
        for (String wave : List.of("w2023", "w2024")) {
            for (String area : List.of("hyte", "employment")) {
                JsonNode profile = researcher.get(S + "/areas/" + area + "/profile?waveId=" + wave).json();
                for (JsonNode d : profile.path("dimensions")) {
                    String key = wave + "/" + area + "/" + d.path("dimension").asText() + "/";
                    CSVRecord combined = rows.get(key + "combined");
                    assertThat(combined.get("score")).as(key).isEqualTo(digits(d.path("score")));
                    assertThat(combined.get("stage")).as(key).isEqualTo(d.path("stage").isNull() ? ""
                            : d.path("stage").asText());
                    assertThat(combined.get("evidence")).as(key).isEqualTo(d.path("evidence").asText());
                    for (String source : List.of("interviews", "self_assessments")) {
                        JsonNode api = d.path("sources").path(source.equals("interviews") ? "interviews"
                                : "selfAssessments");
                        CSVRecord r = rows.get(key + source);
                        assertThat(r.get("n")).as(key + source).isEqualTo(api.path("n").asText());
                        assertThat(r.get("mean")).as(key + source).isEqualTo(digits(api.path("mean")));
                        assertThat(r.get("sd")).as(key + source).isEqualTo(digits(api.path("sd")));
                        assertThat(r.get("ci_low")).as(key + source).isEqualTo(digits(api.path("ciLow")));
                        assertThat(r.get("ci_high")).as(key + source).isEqualTo(digits(api.path("ciHigh")));
                        assertThat(r.get("evidence")).as(key + source)
                                .isEqualTo(api.path("sufficient").asBoolean() ? "sufficient" : "insufficient");
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(2 * 2 * 8 * 2);
    }

    @Test
    @Order(5)
    void writesOneRowPerRespondentAndAnsweredDimensionWithoutWithdrawnOnes() {
        String p = "municipality,coordination,false,person,,api,,";
        assertThat(export(EXPORT).file("self_assessments_long.csv")).isEqualTo("""
                study_id,wave_id,area_id,self_assessment_id,respondent_pseudonym,organisation_type,actor_level,\
                respondent_erased,respondent_kind,group_size,collection_mode,questionnaire_id,dimension,value
                exp,w2023,hyte,sa-r1,R1,%1$strust,2.0
                exp,w2023,hyte,sa-r1,R1,%1$scommunication,3.0
                exp,w2023,hyte,sa-r1,R1,%1$sgoals,1.0
                exp,w2023,hyte,sa-r1,R1,%1$spower,2.0
                exp,w2023,hyte,sa-r1,R1,%1$sresources,1.5
                exp,w2023,hyte,sa-r2,R2,%1$strust,2.0
                exp,w2023,hyte,sa-r2,R2,%1$scommunication,3.0
                exp,w2023,hyte,sa-r2,R2,%1$sgoals,1.0
                exp,w2023,hyte,sa-r2,R2,%1$spower,2.0
                exp,w2023,hyte,sa-r3,R3,%1$strust,2.5
                exp,w2023,hyte,sa-r3,R3,%1$scommunication,3.0
                exp,w2023,hyte,sa-r3,R3,%1$sgoals,1.5
                exp,w2023,hyte,sa-r3,R3,%1$spower,2.0
                exp,w2023,hyte,sa-r3,R3,%1$sresources,1.5
                exp,w2024,hyte,sa-r1-2024,R1,%1$strust,3.0
                """.formatted(p));
    }

    @Test
    @Order(6)
    void writesFindingsInTheirLatestCodingWithoutWithdrawnOnesOrExcerpts() {
        String csv = export(EXPORT).file("findings.csv");
        String i01 = "exp,w2023,hyte,i01,2023-10-05,H01,ngo,leadership,false,";
        assertThat(csv).isEqualTo("""
                study_id,wave_id,area_id,interview_id,interview_conducted_on,informant_pseudonym,\
                informant_organisation_type,informant_actor_level,informant_erased,finding_id,segment_id,dimension,\
                stage,stage_number,codes,coder,revision
                %1$sf-c,,goals,cooperation,1,resource gap,maija,1
                %1$sf-d,,goals,coordination,2,reactive,maija,2
                %1$sf-a,seg-1,goals,cooperation,1,unclear responsibilities,maija,1
                %1$sf-b,seg-1,goals,coordination,2,reactive,second-coder,1
                exp,w2023,hyte,i02,2023-10-12,H02,municipality,operations,false,f-x,,trust,coordination,2,reactive,maija,1
                """.formatted(i01));
        assertThat(csv).doesNotContain("Kukaan").doesNotContain("withdrawn code");
    }

    @Test
    @Order(7)
    void addsExcerptsAndCommentsOnlyWhenAsked() throws IOException {
        ExportZip both = export(EXPORT + "?include=excerpts,comments");
        assertThat(both.status()).isEqualTo(200);
        List<CSVRecord> findings = csv(both.file("findings.csv"));
        assertThat(findings.get(2).get("finding_id")).isEqualTo("f-a");
        assertThat(findings.get(2).get("excerpt")).isEqualTo("Kukaan ei tiedä, kuka tätä johtaa.");
        assertThat(findings.get(0).get("excerpt")).isEmpty();
        assertThat(findings.get(4).get("excerpt")).isEqualTo("Luotamme toisiimme.");
        String answers = both.file("self_assessments_long.csv");
        assertThat(answers.lines().findFirst().orElseThrow()).endsWith(",dimension,value,comment");
        assertThat(answers).contains("exp,w2023,hyte,sa-r1,R1,municipality,coordination,false,person,,api,,goals,1.0,"
                + "Kukaan ei vastaa.\n");
        // a comment on a skipped dimension keeps its row, with an empty value
        assertThat(answers).contains("exp,w2023,hyte,sa-r1,R1,municipality,coordination,false,person,,api,,commitment,,"
                + "Ei aikaa.\n");
        assertThat(both.file("manifest.json")).contains("\"include\" : [\n    \"excerpts\",\n    \"comments\"\n  ]");

        ExportZip excerpts = export(EXPORT + "?include=excerpts");
        assertThat(excerpts.file("findings.csv")).contains("Kukaan ei tiedä");
        assertThat(excerpts.file("self_assessments_long.csv")).doesNotContain("Kukaan ei vastaa")
                .doesNotContain(",comment");
        ExportZip plain = export(EXPORT);
        assertThat(plain.file("self_assessments_long.csv")).doesNotContain("Ei aikaa");
        assertThat(plain.file("datapackage.json")).doesNotContain("\"excerpt\"").doesNotContain("\"comment\"");
        assertThat(both.file("datapackage.json")).contains("\"name\" : \"excerpt\"", "\"name\" : \"comment\"");
    }

    @Test
    @Order(8)
    void describesEveryFileInAValidFrictionlessDataPackage() throws IOException {
        for (String query : List.of("", "?include=excerpts,comments")) {
            ExportZip zip = export(EXPORT + query);
            JsonNode pkg = JSON.readTree(zip.file("datapackage.json"));
            assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/datapackage.json", pkg)).isEmpty();
            assertThat(pkg.path("$schema").asText()).isEqualTo("https://datapackage.org/profiles/2.0/datapackage.json");
            List<String> names = new ArrayList<>();
            for (JsonNode resource : pkg.path("resources")) {
                assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/dataresource.json", resource))
                        .isEmpty();
                assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/tableschema.json",
                        resource.path("schema"))).isEmpty();
                String path = resource.path("path").asText();
                names.add(path);
                byte[] content = zip.entries().get(path);
                assertThat(resource.path("bytes").asLong()).isEqualTo(content.length);
                assertThat(resource.path("hash").asText()).isEqualTo("sha256:" + sha256(content));
                assertThat(resource.path("schema").path("missingValues").toString()).isEqualTo("[\"\"]");
                List<String> fields = new ArrayList<>();
                resource.path("schema").path("fields").forEach(f -> fields.add(f.path("name").asText()));
                String header = new String(content, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
                assertThat(String.join(",", fields)).as(path).isEqualTo(header);
            }
            assertThat(names).containsExactly("waves.csv", "areas.csv", "scores_long.csv",
                    "targets_long.csv", "self_assessments_long.csv", "findings.csv");
        }
        JsonNode scores = JSON.readTree(export(EXPORT).file("datapackage.json")).path("resources").get(2);
        JsonNode stage = field(scores, "stage");
        assertThat(stage.path("categories").get(0).path("value").asText()).isEqualTo("cooperation");
        assertThat(stage.path("categories").get(2).path("labels").path("fi").asText())
                .isEqualTo("Strateginen yhteistyö ja kumppanuus");
        assertThat(stage.path("categoriesOrdered").asBoolean()).isTrue();
        assertThat(field(scores, "dimension").path("constraints").path("enum").toString())
                .isEqualTo(JSON.writeValueAsString(DIMENSIONS));
        assertThat(field(scores, "score").path("type").asText()).isEqualTo("number");
        assertThat(field(scores, "score").path("constraints").path("maximum").asDouble()).isEqualTo(3.0);
        assertThat(scores.path("schema").path("primaryKey").toString())
                .isEqualTo("[\"wave_id\",\"area_id\",\"dimension\",\"source\"]");
        assertThat(scores.path("schema").path("foreignKeys").get(1).path("reference").path("resource").asText())
                .isEqualTo("areas");
        JsonNode answers = JSON.readTree(export(EXPORT).file("datapackage.json")).path("resources").get(4);
        assertThat(field(answers, "organisation_type").path("categories").get(1).path("labels").path("fi").asText())
                .isEqualTo("Kunta");
    }

    @Test
    @Order(9)
    void describesEveryVariableInAValidDdiCodebook() throws Exception {
        for (String query : List.of("", "?include=excerpts,comments")) {
            byte[] ddi = export(EXPORT + query).entries().get("codebook-ddi.xml");
            SchemaValidation.validateXml("schemas/ddi-codebook-2.5/codebook.xsd", ddi);
        }
        String ddi = export(EXPORT).file("codebook-ddi.xml");
        assertThat(ddi).contains("<codeBook xmlns=\"ddi:codebook:2_5\"");
        assertThat(ddi).contains("<titl>Export study</titl>");
        // every column of every table: 7 + 19 + 20 + 8 + 14 + 17 (self_assessments_long: 14)
        assertThat(ddi.split("<var ID=", -1)).hasSize(1 + 85);
        assertThat(ddi).contains("<var ID=\"V_scores_long_score\" name=\"score\" files=\"F_scores_long\" "
                + "intrvl=\"contin\" dcml=\"3\">");
        assertThat(ddi).contains("<fileName>self_assessments_long.csv</fileName>");
        assertThat(ddi).contains("<caseQnty>15</caseQnty>");
        assertThat(ddi).contains("\n      <catgry>\n        <catValu>goals</catValu>\n"
                + "        <labl xml:lang=\"fi\">Tavoitteet</labl>\n        <labl xml:lang=\"en\">Goals</labl>\n"
                + "      </catgry>\n");
    }

    @Test
    @Order(10)
    void writesTheThemeCodesAsAValidRefiQdaCodebook() throws Exception {
        ExportZip zip = export(EXPORT);
        SchemaValidation.validateXml("schemas/refi-qda/Codebook.xsd", zip.entries().get("codes.qdc"));
        String qdc = zip.file("codes.qdc");
        assertThat(qdc).contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"");
        for (String code : List.of("reactive", "resource gap", "unclear responsibilities")) {
            assertThat(qdc).contains("name=\"" + code + "\" isCodable=\"true\"");
        }
        assertThat(qdc).doesNotContain("withdrawn code");
        // name-based: the same code text has the same GUID in every export (here, a UUID v5 fixed once)
        assertThat(qdc).contains("<Code guid=\"06a13c47-54f8-5202-9b26-3a4db85e4c65\" name=\"reactive\"");
        assertThat(qdc).contains("<Description>Used in 3 findings (trust 1, goals 2).</Description>");
    }

    @Test
    @Order(12)
    void theValidatorsRejectBrokenDocuments() throws IOException {
        // a negative control: the validations above can fail
        JsonNode pkg = JSON.readTree(export(EXPORT).file("datapackage.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) pkg.path("resources").get(0).path("schema").path("fields")
                .get(0)).put("type", "text");
        assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/datapackage.json", pkg)).isNotEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) pkg).remove("resources");
        assertThat(SchemaValidation.jsonErrors("schemas/frictionless/2.0/datapackage.json", pkg)).isNotEmpty();
        String ddi = export(EXPORT).file("codebook-ddi.xml").replaceFirst("<titl>", "<title>")
                .replaceFirst("</titl>", "</title>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaValidation.validateXml(
                "schemas/ddi-codebook-2.5/codebook.xsd", ddi.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(org.xml.sax.SAXException.class);
        String qdc = export(EXPORT).file("codes.qdc").replace("06a13c47-54f8-5202-9b26-3a4db85e4c65", "reactive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaValidation.validateXml(
                "schemas/refi-qda/Codebook.xsd", qdc.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    @Order(11)
    void documentsThePointAndTheFilesInTheManifestAndReadme() throws IOException {
        ExportZip zip = export(EXPORT);
        JsonNode manifest = JSON.readTree(zip.file("manifest.json"));
        assertThat(manifest.path("eventPosition").isIntegralNumber()).isTrue();
        assertThat(manifest.path("eventPosition").asLong()).isEqualTo(head);
        assertThat(Instant.parse(manifest.path("eventTime").asText())).isBefore(Instant.now());
        assertThat(manifest.path("positionKind").asText()).isEqualTo("global_index");
        assertThat(manifest.path("productVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(manifest.path("frameworks").get(0).path("id").asText()).isEqualTo("keast-mandell-2014");
        assertThat(manifest.path("frameworks").get(0).path("version").asText()).isEqualTo("1.0.0");
        assertThat(manifest.path("frameworks").get(0).path("versionAtStudyCreation").asText()).isEqualTo("1.0.0");
        assertThat(manifest.path("frameworks").get(0).path("scoresComputedWith").asText()).isEqualTo("1.0.0");
        assertThat(manifest.path("include")).isEmpty();
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            byte[] content = zip.entries().get(f.path("path").asText());
            assertThat(f.path("sha256").asText()).isEqualTo(sha256(content));
            assertThat(f.path("bytes").asLong()).isEqualTo(content.length);
            listed.add(f.path("path").asText());
        }
        assertThat(listed).containsExactly("waves.csv", "areas.csv", "scores_long.csv", "targets_long.csv",
                "self_assessments_long.csv", "findings.csv", "datapackage.json", "codebook-ddi.xml", "codes.qdc", "README.md");
        String readme = zip.file("README.md");
        assertThat(readme).contains("# Export study", "| `scores_long.csv` | 96 |", "read.csv(", "pd.read_csv(",
                "lme(score ~ wave + dimension, random = ~ 1 | area_id", "smf.mixedlm(", "## How to cite",
                "export of event log position " + head);
    }

    @Test
    @Order(20)
    void givesTheSameBytesForTheSameRequestAndForAsOfItsPosition() {
        byte[] first = export(EXPORT).bytes();
        assertThat(export(EXPORT).bytes()).isEqualTo(first);
        assertThat(export(EXPORT + "?asOf=" + head).bytes()).isEqualTo(first);
        // an instant after the last event is the same point
        assertThat(export(EXPORT + "?asOf=" + Instant.now()).bytes()).isEqualTo(first);
        assertThat(export(EXPORT + "?include=excerpts&asOf=" + head).bytes())
                .isEqualTo(export(EXPORT + "?include=excerpts").bytes());
    }

    @Test
    @Order(21)
    void exportsAPastPointWithoutTheEventsAfterIt() throws IOException {
        ExportZip past = export(EXPORT + "?asOf=" + before2024);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.header("X-Assessment-Position")).isEqualTo(Long.toString(before2024));
        assertThat(JSON.readTree(past.file("manifest.json")).path("eventPosition").asLong()).isEqualTo(before2024);
        assertThat(past.file("self_assessments_long.csv")).doesNotContain("sa-r1-2024").contains("sa-r3");
        assertThat(past.file("scores_long.csv")).contains("exp,w2024,2024,2024-09-01,2024-12-31,hyte,21,hyte,trust,"
                + "self_assessments,0,,,,,,,insufficient");
        // the past point has its own bytes, and they too are reproducible
        assertThat(past.bytes()).isNotEqualTo(export(EXPORT).bytes());
        assertThat(export(EXPORT + "?asOf=" + before2024).bytes()).isEqualTo(past.bytes());
        // by time: the point of the last event at or before the instant
        String time = JSON.readTree(past.file("manifest.json")).path("eventTime").asText();
        ExportZip byTime = export(EXPORT + "?asOf=" + time);
        assertThat(Long.parseLong(byTime.header("X-Assessment-Position"))).isBetween(before2024, head - 1);
        assertThat(byTime.file("self_assessments_long.csv")).doesNotContain("sa-r1-2024");
    }

    @Test
    @Order(22)
    void aProjectionReplayDoesNotChangeTheExport() throws InterruptedException {
        byte[] before = export(EXPORT).bytes();
        ApiClient.Response replay = admin.post("/api/v1/admin/projections/maturity/replay", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(export(EXPORT).bytes()).as("during the replay").isEqualTo(before);
        awaitReplayed();
        assertThat(researcher.get(S + "/areas/hyte/profile?waveId=w2023").json().path("dimensions").get(3)
                .path("score").asDouble()).isEqualTo(1.333);
        assertThat(export(EXPORT).bytes()).as("after the replay").isEqualTo(before);
    }

    @Test
    @Order(30)
    void letsOnlyResearchersOfTheStudyAndAdminsExport() {
        ExportZip viewer = ExportZip.get(port, "ville", "ville-password-1", EXPORT);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(ExportZip.get(port, "ville", "ville-password-1", EXPORT + "?include=excerpts").status())
                .isEqualTo(403);
        ExportZip outsider = ExportZip.get(port, "olli", "olli-password-1", EXPORT);
        assertThat(outsider.status()).as("a non-member cannot tell that the study exists").isEqualTo(404);
        assertThat(ExportZip.get(port, null, null, EXPORT).status()).isEqualTo(401);
        assertThat(export("/api/v1/studies/nope/export").status()).isEqualTo(404);
        assertThat(ExportZip.get(port, "admin", "export-admin-pw", EXPORT).status()).isEqualTo(200);
    }

    @Test
    @Order(31)
    void refusesBadPointsAndInclusionsWithProblems() {
        ExportZip unknown = export(EXPORT + "?include=excerpts,names");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"include\"");
        ExportZip beyond = export(EXPORT + "?asOf=" + (head + 1000));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body()).contains("beyond the head of the event log");
        assertThat(export(EXPORT + "?asOf=yesterday").status()).isEqualTo(400);
        assertThat(export(EXPORT + "?asOf=2999-01-01T00:00:00Z").status()).isEqualTo(400);
        ExportZip beforeTheStudy = export(EXPORT + "?asOf=2000-01-01T00:00:00Z");
        assertThat(beforeTheStudy.status()).isEqualTo(404);
        assertThat(beforeTheStudy.body()).contains("did not exist as of event position 0");
    }

    @Test
    @Order(100)
    void replacesErasedParticipantsWithStableTokensAndLeavesTheirPersonalDataOut() {
        String scoresBefore = export(EXPORT).file("scores_long.csv");
        String r1 = keys.participantOf("exp", "R1").orElseThrow();
        String h02 = keys.participantOf("exp", "H02").orElseThrow();
        assertThat(keys.destroy(r1)).isTrue();
        assertThat(keys.destroy(h02)).isTrue();

        ExportZip zip = export(EXPORT + "?include=excerpts,comments");
        String r1Token = "erased-" + r1.substring(0, 8);
        String answers = zip.file("self_assessments_long.csv");
        // both waves of R1 still link up through the token: the panel survives the erasure
        assertThat(answers).contains("exp,w2023,hyte,sa-r1," + r1Token + ",,,true,,,api,,trust,2.0,\n");
        assertThat(answers).contains("exp,w2024,hyte,sa-r1-2024," + r1Token + ",,,true,,,api,,trust,3.0,\n");
        assertThat(answers).doesNotContain(",R1,").doesNotContain("Kukaan ei vastaa").doesNotContain("Ei aikaa");
        assertThat(answers)
                .contains("exp,w2023,hyte,sa-r2,R2,municipality,coordination,false,person,,api,,trust,2.0,\n");
        String findings = zip.file("findings.csv");
        assertThat(findings).contains("exp,w2023,hyte,i02,2023-10-12,erased-" + h02.substring(0, 8)
                + ",,,true,f-x,,trust,coordination,2,reactive,maija,1,\n");
        assertThat(findings).doesNotContain("H02").doesNotContain("Luotamme");
        assertThat(findings).contains("Kukaan ei tiedä");
        // sorted by the token now, still in a fixed order, and the scores do not change
        assertThat(export(EXPORT + "?include=excerpts,comments").bytes()).isEqualTo(zip.bytes());
        assertThat(export(EXPORT).file("scores_long.csv")).isEqualTo(scoresBefore);
    }

    private ExportZip export(String path) {
        return ExportZip.get(port, "maija", "maija-password-1", path);
    }

    /**
     * Imported text that a spreadsheet would run as a formula (OWASP's CSV injection) is written with a quote in
     * front in every text column, numbers stay numbers, NUL never reaches a file, and the export stays
     * reproducible. (A leading tab or CR does not survive the API's trimming; SpreadsheetSafeTextTest has them.) Last, in its own study, so that the known study's tests above see the log they expect.
     */
    @Test
    @Order(200)
    void neutralisesFormulasAndNulInTextCells() throws IOException {
        String f = "/api/v1/studies/formulas";
        created(researcher.post("/api/v1/studies",
                "{\"id\":\"formulas\",\"title\":\"Formula study\",\"frameworkId\":\"keast-mandell-2014\"}"));
        created(researcher.post(f + "/waves",
                "{\"id\":\"w1\",\"label\":\"=1+1\",\"opensOn\":\"2024-09-01\",\"closesOn\":\"2024-12-31\"}"));
        created(researcher.post(f + "/areas", "{\"id\":\"a1\",\"name\":\"@SUM(A1)\",\"regionCode\":\"21\","
                + "\"interfaceTheme\":\"hyte\",\"parties\":[{\"type\":\"municipality\",\"name\":\"-Porvoo\"}]}"));
        List<String> pseudonyms = List.of("=HYPERLINK(\\\"http://x\\\")", "+358", "-1", "@cmd", "'quoted", "plain");
        for (int i = 0; i < pseudonyms.size(); i++) {
            created(researcher.post(f + "/self-assessments", "{\"id\":\"sa" + i + "\",\"areaId\":\"a1\","
                    + "\"waveId\":\"w1\",\"respondent\":{\"pseudonym\":\"" + pseudonyms.get(i) + "\","
                    + "\"organisationType\":\"municipality\",\"actorLevel\":\"coordination\"},"
                    + "\"answers\":{\"trust\":2.0}}"));
        }
        created(researcher.post(f + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":"
                + "\"2024-10-05\",\"informant\":{\"pseudonym\":\"=2*3\",\"organisationType\":\"ngo\","
                + "\"actorLevel\":\"leadership\"},\"areaIds\":[\"a1\"]}"));
        created(researcher.post(f + "/interviews/i1/findings", "{\"id\":\"f1\",\"areaId\":\"a1\","
                + "\"dimension\":\"goals\",\"stage\":1,\"codes\":[\"=cmd|' /C calc'!A0\",\"fine\"],"
                + "\"excerpt\":\"-A minus first, then a NUL: \\u0000.\"}"));
        long last = created(researcher.post(f + "/interviews/i1/findings", "{\"id\":\"f2\",\"areaId\":\"a1\","
                + "\"dimension\":\"trust\",\"stage\":2,\"codes\":[\"+x\"],\"excerpt\":\"@first\"}"))
                .position();
        assertThat(researcher.get(f + "/areas/a1/profile?waveId=w1&minPosition=" + last).status()).isEqualTo(200);

        ExportZip zip = export(f + "/export?include=excerpts");
        assertThat(zip.status()).isEqualTo(200);
        List<CSVRecord> answers = csv(zip.file("self_assessments_long.csv"));
        assertThat(answers).extracting(r -> r.get("respondent_pseudonym")).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://x\")", "'+358", "'-1", "'@cmd", "''quoted", "plain");
        assertThat(answers).extracting(r -> r.get("value")).containsOnly("2.0");
        List<CSVRecord> findings = csv(zip.file("findings.csv"));
        assertThat(findings).extracting(r -> r.get("informant_pseudonym")).containsOnly("'=2*3");
        assertThat(findings).extracting(r -> r.get("codes"))
                .containsExactlyInAnyOrder("'=cmd|' /C calc'!A0;fine", "'+x");
        assertThat(findings).extracting(r -> r.get("excerpt"))
                .containsExactlyInAnyOrder("'-A minus first, then a NUL: \uFFFD.", "'@first");
        assertThat(findings).extracting(r -> r.get("stage_number")).containsExactlyInAnyOrder("1", "2");
        assertThat(csv(zip.file("waves.csv"))).extracting(r -> r.get("wave_label")).containsOnly("'=1+1");
        assertThat(zip.file("areas.csv")).contains("'@SUM(A1)", "'-Porvoo");
        for (Map.Entry<String, byte[]> file : zip.entries().entrySet()) {
            for (byte b : file.getValue()) {
                assertThat(b).as("a NUL byte in " + file.getKey()).isNotZero();
            }
        }
        assertThat(zip.file("README.md")).contains("is written with one ' (single quote) in front");
        assertThat(zip.file("datapackage.json")).contains("is written with one ' (single quote) in front");
        assertThat(zip.file("codebook-ddi.xml")).contains("is written with one ' (single quote) in front");
        assertThat(export(f + "/export?include=excerpts").bytes()).isEqualTo(zip.bytes());
    }

    private ApiClient.Response selfAssessment(String id, String wave, String pseudonym, String answers,
                                              String comments) {
        return created(researcher.post(S + "/self-assessments", "{\"id\":\"" + id + "\",\"areaId\":\"hyte\","
                + "\"waveId\":\"" + wave + "\",\"respondent\":{\"pseudonym\":\"" + pseudonym + "\","
                + "\"organisationType\":\"municipality\",\"actorLevel\":\"coordination\"},\"answers\":" + answers
                + (comments == null ? "" : ",\"comments\":" + comments) + "}"));
    }

    /**
     * Waits until the rebuilt projection has reached the head. (Axon reports a replay as running until an event
     * beyond the reset point arrives, so the status alone would wait for a write that never comes.)
     */
    private void awaitReplayed() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonNode p : admin.get("/api/v1/admin/projections").json().path("projections")) {
                if (p.path("name").asText().equals("maturity") && p.path("position").asLong() == head
                        && p.path("lag").asLong() == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the maturity projection did not finish its replay");
    }

    private static JsonNode field(JsonNode resource, String name) {
        for (JsonNode f : resource.path("schema").path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** An API number as the export writes it: 3 decimals; null as an empty cell. */
    private static String digits(JsonNode number) {
        return number.isNull() || number.isMissingNode() ? ""
                : number.decimalValue().setScale(3, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
        return response;
    }
}
