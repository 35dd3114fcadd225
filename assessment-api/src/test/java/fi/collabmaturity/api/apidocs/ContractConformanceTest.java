package fi.collabmaturity.api.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is exact: every operation it lists is called here through real HTTP, on a study built
 * through the API and on the demo study (three waves, double coding, structural evidence), and every answer must
 * carry a status the document lists for that operation and a body that matches the schema documented for that
 * status; every documented success status must be seen; every body the scenario sends must match the documented
 * request schema. An operation added to the API without its entry in {@code openapi/operations.json} fails
 * {@link #everyOperationDeclaresItsStatusesAndSchemas}; an entry without a call here fails
 * {@link #everyOperationAnswersAsDocumented} (add the call to {@link #scenario}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractConformanceTest {

    static final Path dataDir = TestData.freshFolder("contract");
    static final String PASSWORD = "contract-admin-pw";
    static final String S = "/api/v1/studies/{studyId}";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> PASSWORD);
        registry.add("assessment.demo", () -> "true");
    }

    @LocalServerPort
    int port;
    JsonNode document;
    DocumentedContract contract;
    long position;

    @BeforeAll
    void read() {
        ApiClient.Response response = new ApiClient(port, null, null).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
        contract = new DocumentedContract(document);
    }

    @Test
    void everyOperationDeclaresItsStatusesAndSchemas() {
        List<String> lacking = new ArrayList<>();
        for (String operation : contract.operations()) {
            JsonNode op = contract.operation(operation);
            List<String> success = contract.successStatuses(operation);
            if (success.isEmpty()) {
                lacking.add(operation + ": no success status (declare it in openapi/schemas.json, with a summary in openapi/operations.json)");
            }
            for (String status : success) {
                JsonNode content = op.path("responses").path(status).path("content");
                if (content.isEmpty()) {
                    lacking.add(operation + " " + status + ": no response content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        lacking.add(operation + " " + status + " " + media.getKey() + ": no schema");
                    } else if (media.getKey().endsWith("json") && !typed(contract.resolve(schema))) {
                        lacking.add(operation + " " + status + ": an untyped schema " + schema);
                    }
                });
            }
            JsonNode body = op.path("requestBody").path("content");
            body.fields().forEachRemaining(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (!typed(contract.resolve(schema))) {
                    lacking.add(operation + " request " + media.getKey() + ": an untyped schema " + schema);
                }
                if (media.getKey().equals("application/json")) {
                    JsonNode example = media.getValue().path("example");
                    if (example.isMissingNode()) {
                        lacking.add(operation + ": no request example");
                    } else {
                        DocumentedContract.errors(contract.resolve(schema), example)
                                .forEach(e -> lacking.add(operation + " example: " + e));
                    }
                }
            });
        }
        assertThat(contract.operations()).hasSizeGreaterThan(50);
        assertThat(document.toString()).as("no internal types in the document").doesNotContain("utf8");
        assertThat(lacking).isEmpty();
    }

    /**
     * Every name a declared schema requires is one of its properties: springdoc's model silently drops the others,
     * so a misspelt name would vanish from the document instead of failing.
     */
    @Test
    void declaredRequiredNamesAreProperties() throws java.io.IOException {
        JsonNode declared;
        try (java.io.InputStream in = getClass().getResourceAsStream("/openapi/schemas.json")) {
            declared = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        List<String> unknown = new ArrayList<>();
        requiredNames(declared, "", unknown);
        assertThat(unknown).isEmpty();
    }

    private static void requiredNames(JsonNode node, String at, List<String> unknown) {
        if (node.isObject()) {
            if (node.has("required") && node.has("properties")) {
                node.get("required").forEach(name -> {
                    if (!node.get("properties").has(name.asText())) {
                        unknown.add(at + ": " + name.asText());
                    }
                });
            }
            node.fields().forEachRemaining(e -> requiredNames(e.getValue(), at + "/" + e.getKey(), unknown));
        } else if (node.isArray()) {
            node.forEach(item -> requiredNames(item, at, unknown));
        }
    }

    /** An object schema names its properties (or the schema of its values); other schemas name their type. */
    private static boolean typed(JsonNode schema) {
        if (schema.has("oneOf") || schema.has("anyOf") || schema.has("enum")) {
            return true;
        }
        JsonNode types = schema.path("type");
        String type = types.isArray() ? types.path(0).asText() : types.asText();
        return switch (type) {
            case "object" -> schema.has("properties") || schema.path("additionalProperties").isObject();
            case "array" -> typed(schema.path("items"));
            case "" -> false;
            default -> true;
        };
    }

    @Test
    void everyOperationAnswersAsDocumented() {
        scenario();
        assertThat(contract.problems()).as("answers that differ from the document").isEmpty();
        assertThat(contract.unexercised()).as("documented success statuses no call of the scenario saw")
                .isEmpty();
    }

    // ---- the scenario: every operation, in the order a study is run ---------------------------------------------

    private void scenario() {
        ApiClient admin = new ApiClient(port, "admin", PASSWORD);
        ApiClient anonymous = new ApiClient(port, null, null);

        get(admin, "/api/v1/frameworks", "/api/v1/frameworks");
        get(admin, "/api/v1/frameworks/{frameworkId}", "/api/v1/frameworks/keast-mandell-2014");
        get(admin, "/api/v1/frameworks/{frameworkId}", "/api/v1/frameworks/keast-mandell-2014?version=1.0.0");
        get(admin, "/api/v1/reference/regions", "/api/v1/reference/regions");
        post(admin, "/api/v1/reference/interface-themes", "/api/v1/reference/interface-themes", example(
                "POST /api/v1/reference/interface-themes"));
        get(admin, "/api/v1/reference/interface-themes", "/api/v1/reference/interface-themes?minPosition="
                + position);

        post(admin, "/api/v1/accounts", "/api/v1/accounts", example("POST /api/v1/accounts"));
        post(admin, "/api/v1/accounts", "/api/v1/accounts",
                "{\"username\":\"vieras\",\"password\":\"vieras-password-1\",\"roles\":[\"VIEWER\"]}");
        post(admin, "/api/v1/accounts", "/api/v1/accounts",
                "{\"username\":\"leaving\",\"password\":\"leaving-password-1\",\"roles\":[\"RESEARCHER\"]}");
        get(admin, "/api/v1/accounts", "/api/v1/accounts?minPosition=" + position);
        check("DELETE /api/v1/accounts/{username}", admin.send("DELETE", "/api/v1/accounts/leaving", null, null));

        // the study of the examples: lapland, wave w2023, area hyte
        post(admin, "/api/v1/studies", "/api/v1/studies", example("POST /api/v1/studies"));
        get(admin, "/api/v1/studies", "/api/v1/studies?minPosition=" + position);
        get(admin, S, "/api/v1/studies/lapland");
        put(admin, S + "/scoring-policy", "/api/v1/studies/lapland/scoring-policy", null,
                example("PUT " + S + "/scoring-policy"));
        put(admin, S + "/scoring-policy", "/api/v1/studies/lapland/scoring-policy", null, "{\"minimumN\":1}");
        // a study at the older framework version, moved to the newer one
        post(admin, "/api/v1/studies", "/api/v1/studies", "{\"id\":\"versioned\",\"title\":\"Versioned\","
                + "\"frameworkId\":\"keast-mandell-2014\",\"frameworkVersion\":\"1.0.0\"}");
        put(admin, S + "/framework", "/api/v1/studies/versioned/framework", null, example("PUT " + S + "/framework"));
        post(admin, S + "/members", "/api/v1/studies/lapland/members", example("POST " + S + "/members"));
        post(admin, S + "/members", "/api/v1/studies/lapland/members", "{\"username\":\"vieras\",\"role\":\"VIEWER\"}");
        get(admin, S + "/members", "/api/v1/studies/lapland/members?minPosition=" + position);
        check("DELETE " + S + "/members/{username}", admin.send("DELETE", "/api/v1/studies/lapland/members/maija",
                null, null));
        check("DELETE " + S + "/members/{username}", admin.send("DELETE", "/api/v1/studies/lapland/members/maija",
                null, null));
        post(admin, S + "/waves", "/api/v1/studies/lapland/waves", example("POST " + S + "/waves"));
        get(admin, S + "/waves", "/api/v1/studies/lapland/waves");
        get(admin, S + "/waves/{waveId}", "/api/v1/studies/lapland/waves/w2023");

        String hyte = "/api/v1/studies/lapland/areas/hyte";
        post(admin, S + "/areas", "/api/v1/studies/lapland/areas", example("POST " + S + "/areas"));
        post(admin, S + "/areas", "/api/v1/studies/lapland/areas", """
                {"id":"bare","name":"Lapland · bare","regionCode":"21","interfaceTheme":"culture"}""");
        get(admin, S + "/areas", "/api/v1/studies/lapland/areas?minPosition=" + position);
        String etag = get(admin, S + "/areas/{areaId}", hyte + "?minPosition=" + position).header("ETag");
        put(admin, S + "/areas/{areaId}/target-profile", hyte + "/target-profile", etag,
                example("PUT " + S + "/areas/{areaId}/target-profile"));
        etag = get(admin, S + "/areas/{areaId}", hyte + "?minPosition=" + position).header("ETag");
        put(admin, S + "/areas/{areaId}/building-blocks", hyte + "/building-blocks", etag,
                example("PUT " + S + "/areas/{areaId}/building-blocks"));
        post(admin, S + "/areas/{areaId}/agreements", hyte + "/agreements",
                example("POST " + S + "/areas/{areaId}/agreements"));
        post(admin, S + "/areas/{areaId}/agreements", hyte + "/agreements",
                "{\"kind\":\"sub_agreement\",\"status\":\"in_preparation\"}");
        post(admin, S + "/areas/{areaId}/negotiations", hyte + "/negotiations",
                example("POST " + S + "/areas/{areaId}/negotiations"));
        post(admin, S + "/areas/{areaId}/forums", hyte + "/forums", example("POST " + S + "/areas/{areaId}/forums"));
        post(admin, S + "/areas/{areaId}/forums", hyte + "/forums", "{\"name\":\"Johtoryhmä\",\"level\":\"strategic\"}");
        get(admin, S + "/areas/{areaId}", hyte + "?minPosition=" + position);

        // an interview, a double coding, a recoding and a withdrawal
        String interview = post(admin, S + "/interviews", "/api/v1/studies/lapland/interviews",
                example("POST " + S + "/interviews")).json().path("id").asText();
        String interviews = "/api/v1/studies/lapland/interviews/" + interview;
        String finding = post(admin, S + "/interviews/{interviewId}/findings", interviews + "/findings",
                example("POST " + S + "/interviews/{interviewId}/findings")).json().path("id").asText();
        post(admin, S + "/interviews/{interviewId}/findings", interviews + "/findings", """
                {"id":"f-b","segmentId":"I-07-s3","areaId":"hyte","dimension":"goals","stage":3,
                 "codes":["shared_goals"],"coder":"coder-b"}""");
        String spare = post(admin, S + "/interviews/{interviewId}/findings", interviews + "/findings", """
                {"areaId":"hyte","dimension":"trust","stage":1,"codes":[]}""").json().path("id").asText();
        String findings = S + "/interviews/{interviewId}/findings/{findingId}";
        etag = get(admin, findings, interviews + "/findings/" + finding + "?minPosition=" + position).header("ETag");
        put(admin, findings, interviews + "/findings/" + finding, etag, example("PUT " + findings));
        delete(admin, findings, interviews + "/findings/" + spare, example("DELETE " + findings));
        get(admin, findings, interviews + "/findings/" + spare + "?minPosition=" + position);
        get(admin, findings, interviews + "/findings/" + finding);
        get(admin, S + "/interviews", "/api/v1/studies/lapland/interviews?minPosition=" + position);
        get(admin, S + "/interviews/{interviewId}", interviews);
        get(admin.as("vieras", "vieras-password-1"), S + "/interviews/{interviewId}", interviews);

        // self-assessments: one by one, withdrawn, imported
        String selfAssessments = "/api/v1/studies/lapland/self-assessments";
        String answer = post(admin, S + "/self-assessments", selfAssessments, example("POST " + S + "/self-assessments"))
                .json().path("id").asText();
        // the same respondent's second answer for the area and wave: 409 duplicate-answer naming the first
        check("POST " + S + "/self-assessments", admin.post(selfAssessments,
                example("POST " + S + "/self-assessments")));
        String withdrawn = post(admin, S + "/self-assessments", selfAssessments, """
                {"areaId":"hyte","waveId":"w2023","respondent":{"pseudonym":"R-0002","organisationType":"ngo",
                 "actorLevel":"operations"},"answers":{"trust":3.0}}""").json().path("id").asText();
        delete(admin, S + "/self-assessments/{selfAssessmentId}", selfAssessments + "/" + withdrawn,
                example("DELETE " + S + "/self-assessments/{selfAssessmentId}"));
        get(admin, S + "/self-assessments", selfAssessments + "?areaId=hyte&waveId=w2023&minPosition=" + position);
        get(admin, S + "/self-assessments/{selfAssessmentId}", selfAssessments + "/" + answer);
        get(admin, S + "/self-assessments/{selfAssessmentId}", selfAssessments + "/" + withdrawn);
        get(admin.as("vieras", "vieras-password-1"), S + "/self-assessments", selfAssessments);
        get(admin, S + "/self-assessments/import-template", selfAssessments + "/import-template");
        String csv = "\uFEFFareaId;waveId;pseudonym;organisationType;actorLevel;trust;goals\r\n"
                + "hyte;w2023;R-0101;municipality;leadership;2,5;2\r\n"
                + "hyte;w2023;R-0102;ngo;operations;1,5;\r\n";
        String importing = S + "/self-assessments/import";
        check("POST " + importing, admin.upload(selfAssessments + "/import?dryRun=true", "r.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        written(check("POST " + importing, admin.upload(selfAssessments + "/import", "r.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))));
        check("POST " + importing, admin.upload(selfAssessments + "/import", "r.csv", "text/csv",
                csv.replace("R-0102;ngo", "R-0103;nobody").getBytes(StandardCharsets.UTF_8)));

        // questionnaires: an open one and an invited one, read, given invitations and closed
        String questionnaires = "/api/v1/studies/lapland/questionnaires";
        String q = S + "/questionnaires";
        String open = post(admin, q, questionnaires, example("POST " + q)).json().path("id").asText();
        String invited = post(admin, q, questionnaires, """
                {"areaIds":["hyte"],"waveId":"w2023","languages":["fi"],"mode":"invited","closesOn":"2099-12-31",
                 "privacyNotice":{"fi":"Tietosuojaseloste"}}""").json().path("id").asText();
        post(admin, q + "/{questionnaireId}/invitations", questionnaires + "/" + invited + "/invitations",
                example("POST " + q + "/{questionnaireId}/invitations"));
        post(admin, q + "/{questionnaireId}/invitations", questionnaires + "/" + invited + "/invitations",
                "{\"pseudonyms\":[\"R-0101\",\"R-0901\"]}");
        check("POST " + q + "/{questionnaireId}/invitations", admin.post(questionnaires + "/" + invited
                + "/invitations", "{\"pseudonyms\":[\"R-0902\",\"R-0902\"]}"));
        check("POST " + q + "/{questionnaireId}/invitations", admin.post(questionnaires + "/" + open
                + "/invitations", "{\"count\":1}"));
        check("POST " + q + "/{questionnaireId}/invitations", admin.post(questionnaires + "/" + invited
                + "/invitations", "{\"count\":0}"));
        get(admin, q + "/{questionnaireId}", questionnaires + "/" + invited + "?minPosition=" + position);
        get(admin.as("vieras", "vieras-password-1"), q + "/{questionnaireId}", questionnaires + "/" + invited);
        post(admin, q + "/{questionnaireId}/close", questionnaires + "/" + invited + "/close", null);
        check("POST " + q + "/{questionnaireId}/close", admin.send("POST", questionnaires + "/" + invited + "/close", null, null));
        get(admin, q, questionnaires + "?minPosition=" + position);
        check("GET " + q + "/{questionnaireId}", admin.get(questionnaires + "/nothing"));

        // results of the example study and of the demo study
        for (String study : List.of("lapland", "lapland-demo")) {
            String base = "/api/v1/studies/" + study;
            for (String area : areas(admin, base)) {
                for (String wave : List.of("w2023", "w2024", "w2025")) {
                    if (study.equals("lapland") && !wave.equals("w2023")) {
                        continue;
                    }
                    get(admin, S + "/areas/{areaId}/profile", base + "/areas/" + area + "/profile?waveId=" + wave
                            + "&minPosition=" + position);
                    get(admin, S + "/areas/{areaId}/path", base + "/areas/" + area + "/path?waveId=" + wave);
                }
                get(admin, S + "/areas/{areaId}/trajectory", base + "/areas/" + area + "/trajectory");
                get(admin, S + "/areas/{areaId}/path", base + "/areas/" + area + "/path?lang=sv");
                if (study.equals("lapland")) {
                    get(admin.as("vieras", "vieras-password-1"), S + "/areas/{areaId}/path",
                            base + "/areas/" + area + "/path?lang=en");
                }
                get(admin, S + "/areas/{areaId}", base + "/areas/" + area);
            }
            get(admin, S + "/overview", base + "/overview?waveId=w2023&minPosition=" + position);
            get(admin, S + "/overview", base + "/overview?waveId=w2023&regionCode=21&interfaceTheme=hyte");
            get(admin, S + "/reliability", base + "/reliability");
            get(admin, S + "/reliability", base + "/reliability?waveId=w2023");
            get(admin, S + "/situational-picture", base + "/situational-picture?on=2025-11-01&minPosition="
                    + position);
            get(admin, S + "/situational-picture", base + "/situational-picture");
            get(admin, S + "/interviews", base + "/interviews?size=500");
            get(admin, S + "/self-assessments", base + "/self-assessments?size=500");
            get(admin, S + "/audit", base + "/audit?size=500&minPosition=" + position);
            get(admin, S + "/waves", base + "/waves");
            get(admin, S, base);
        }
        get(admin, S + "/audit", "/api/v1/studies/lapland/audit?order=desc&size=5&action=WaveCreated");

        // the wave closed and reopened, the export, an erasure
        post(admin, S + "/waves/{waveId}/close", "/api/v1/studies/lapland/waves/w2023/close", null);
        post(admin, S + "/waves/{waveId}/reopen", "/api/v1/studies/lapland/waves/w2023/reopen",
                example("POST " + S + "/waves/{waveId}/reopen"));
        check("GET " + S + "/export", admin.get("/api/v1/studies/lapland/export?include=excerpts"));
        post(admin, S + "/participants/{pseudonym}/erasure", "/api/v1/studies/lapland/participants/R-0001/erasure",
                null);
        post(admin, S + "/participants/{pseudonym}/erasure", "/api/v1/studies/lapland/participants/I-07/erasure",
                null);
        get(admin, S + "/self-assessments/{selfAssessmentId}",
                selfAssessments + "/" + answer + "?minPosition=" + position);
        get(admin, findings, interviews + "/findings/" + finding + "?minPosition=" + position);
        get(admin, S + "/interviews/{interviewId}", interviews);

        // operations
        check("GET /api/v1/admin/backup", admin.get("/api/v1/admin/backup"));
        post(admin, "/api/v1/admin/projections/{name}/dead-letters/retry",
                "/api/v1/admin/projections/maturity/dead-letters/retry", null);
        post(admin, "/api/v1/admin/projections/{name}/replay", "/api/v1/admin/projections/audit/replay", null);
        get(admin, "/api/v1/admin/projections", "/api/v1/admin/projections");

        refusals(admin, anonymous);
    }

    /** Answers every client must handle: each a problem of a status the document lists for the operation. */
    private void refusals(ApiClient admin, ApiClient anonymous) {
        ApiClient viewer = admin.as("vieras", "vieras-password-1");
        check("GET " + S, anonymous.get("/api/v1/studies/lapland"));
        check("GET " + S, admin.get("/api/v1/studies/nowhere"));
        check("POST " + S + "/waves", viewer.post("/api/v1/studies/lapland/waves", example("POST " + S + "/waves")));
        check("POST /api/v1/studies", admin.post("/api/v1/studies", example("POST /api/v1/studies")));
        check("POST " + S + "/self-assessments", admin.post("/api/v1/studies/lapland/self-assessments",
                "{\"areaId\":\"hyte\",\"waveId\":\"w2023\",\"answers\":{\"trust\":7}}"));
        check("POST /api/v1/studies", admin.send("POST", "/api/v1/studies", "text/plain", "{}"));
        check("PUT " + S + "/areas/{areaId}/target-profile", admin.sendWithHeader("PUT",
                "/api/v1/studies/lapland/areas/hyte/target-profile", "If-Match", "\"1\"",
                example("PUT " + S + "/areas/{areaId}/target-profile")));
        check("GET /api/v1/accounts", viewer.get("/api/v1/accounts"));
        check("GET " + S + "/areas/{areaId}/profile", admin.get("/api/v1/studies/lapland/areas/hyte/profile"));
    }

    // ---- steps ------------------------------------------------------------------------------------------------------

    private List<String> areas(ApiClient api, String study) {
        List<String> areas = new ArrayList<>();
        ApiClient.Response listed = check("GET " + S + "/areas", api.get(study + "/areas?size=500&minPosition="
                + position));
        listed.json().path("content").forEach(a -> areas.add(a.path("id").asText()));
        assertThat(areas).isNotEmpty();
        return areas;
    }

    private String example(String operation) {
        JsonNode example = contract.operation(operation).path("requestBody").path("content")
                .path("application/json").path("example");
        assertThat(example.isMissingNode()).as(operation + " has a request example").isFalse();
        return example.toString();
    }

    private ApiClient.Response get(ApiClient api, String template, String path) {
        return check("GET " + template, api.get(path));
    }

    private ApiClient.Response post(ApiClient api, String template, String path, String body) {
        String operation = "POST " + template;
        if (body != null) {
            contract.requestBody(operation, body);
        }
        return written(check(operation, body == null ? api.send("POST", path, null, null) : api.post(path, body)));
    }

    private ApiClient.Response put(ApiClient api, String template, String path, String ifMatch, String body) {
        String operation = "PUT " + template;
        contract.requestBody(operation, body);
        return written(check(operation, ifMatch == null ? api.put(path, body)
                : api.sendWithHeader("PUT", path, "If-Match", ifMatch, body)));
    }

    private ApiClient.Response delete(ApiClient api, String template, String path, String body) {
        String operation = "DELETE " + template;
        contract.requestBody(operation, body);
        return written(check(operation, api.send("DELETE", path, "application/json", body)));
    }

    private ApiClient.Response check(String operation, ApiClient.Response response) {
        return contract.check(operation, response);
    }

    /** Remembers the position of a write, so that the reads after it see it. */
    private ApiClient.Response written(ApiClient.Response response) {
        String header = response.header("X-Assessment-Position");
        if (header != null) {
            position = Math.max(position, Long.parseLong(header));
        }
        return response;
    }
}
