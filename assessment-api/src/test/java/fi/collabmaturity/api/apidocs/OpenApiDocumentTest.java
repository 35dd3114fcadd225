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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document lists every endpoint of the public contract (read from API.md itself, so that a new
 * endpoint there without an implementation fails here), each with a summary and its problem responses, and every
 * JSON body with an example. Swagger UI is served, offline, without credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    static final Path dataDir = TestData.freshFolder("openapi");
    static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`?\\s]*)[^`]*`");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "openapi-admin-pw");
    }

    @LocalServerPort
    int port;
    JsonNode document;

    @BeforeAll
    void read() {
        ApiClient.Response response = new ApiClient(port, null, null).get("/v3/api-docs");
        assertThat(response.status()).as("the document needs no credentials").isEqualTo(200);
        document = response.json();
    }

    /** "GET /studies/{studyId}/areas/{areaId}" from API.md, with path parameters named alike: {} . */
    static Set<String> contractEndpoints() throws IOException {
        Path apiMd = TestData.contractFile("API.md");
        Set<String> endpoints = new LinkedHashSet<>();
        Matcher m = ENDPOINT.matcher(Files.readString(apiMd));
        while (m.find()) {
            endpoints.add(m.group(1) + " " + normalise("/api/v1" + m.group(2)));
        }
        return endpoints;
    }

    static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    Set<String> documented() {
        Set<String> operations = new LinkedHashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()))));
        return operations;
    }

    @Test
    void everyEndpointOfTheContractIsDocumented() throws IOException {
        Set<String> documented = documented();
        List<String> missing = new ArrayList<>();
        for (String endpoint : contractEndpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (path.startsWith("/api/v1/...")) {
                // API.md abbreviates sub-resources ("POST .../agreements"): match on the tail
                String tail = path.substring("/api/v1/...".length());
                if (documented.stream().noneMatch(d -> d.startsWith(method + " ") && d.endsWith(tail))) {
                    missing.add(endpoint);
                }
            } else if (!documented.contains(endpoint)) {
                missing.add(endpoint);
            }
        }
        assertThat(contractEndpoints()).as("API.md was read").hasSizeGreaterThan(35);
        assertThat(missing).as("endpoints of API.md missing from /v3/api-docs").isEmpty();
    }

    @Test
    void everyOperationHasASummaryAndItsProblemResponses() {
        List<String> lacking = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText().isBlank()) {
                lacking.add(name + ": summary");
            }
            for (String status : List.of("400", "401", "403", "404")) {
                if (!operation.path("responses").path(status).path("content").has("application/problem+json")) {
                    lacking.add(name + ": " + status + " problem");
                }
            }
            if (!op.getKey().equals("get") && !operation.path("responses").has("409")) {
                lacking.add(name + ": 409");
            }
            JsonNode json = operation.path("requestBody").path("content").path("application/json");
            if (!json.isMissingNode() && !json.has("example")) {
                lacking.add(name + ": request example");
            }
        }));
        assertThat(lacking).isEmpty();
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("errors")).isTrue();
        assertThat(document.path("components").path("securitySchemes").has("basicAuth")).isTrue();
    }

    @Test
    void examplesAreAcceptedByTheApiItself() {
        ApiClient admin = new ApiClient(port, "admin", "openapi-admin-pw");
        JsonNode paths = document.path("paths");
        String study = paths.path("/api/v1/studies").path("post").path("requestBody").path("content")
                .path("application/json").path("example").toString();
        assertThat(admin.post("/api/v1/studies", study).status()).isEqualTo(201);
        String wave = paths.path("/api/v1/studies/{studyId}/waves").path("post").path("requestBody").path("content")
                .path("application/json").path("example").toString();
        assertThat(admin.post("/api/v1/studies/lapland/waves", wave).status()).isEqualTo(201);
        String area = paths.path("/api/v1/studies/{studyId}/areas").path("post").path("requestBody").path("content")
                .path("application/json").path("example").toString();
        ApiClient.Response created = admin.post("/api/v1/studies/lapland/areas", area);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String answers = paths.path("/api/v1/studies/{studyId}/self-assessments").path("post").path("requestBody")
                .path("content").path("application/json").path("example").toString();
        ApiClient.Response submitted = admin.post("/api/v1/studies/lapland/self-assessments", answers);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    }

    @Test
    void swaggerUiIsServedWithoutCredentials() {
        ApiClient anonymous = new ApiClient(port, null, null);
        ApiClient.Response entry = anonymous.get("/swagger-ui.html");
        assertThat(entry.status()).isIn(200, 302);
        ApiClient.Response page = anonymous.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }
}
