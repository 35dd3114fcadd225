package fi.collabmaturity.api.apidocs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.reference.RegionCatalog;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html). The controllers stay free of annotations and
 * mostly answer maps, so the document is declared rather than derived: summaries and request examples live in
 * {@code openapi/operations.json}, the request schema and the success statuses with their schemas and headers in
 * {@code openapi/schemas.json} (both keyed by "METHOD path"), the schemas of the codes come from where the codes are
 * defined ({@link CodeSchemas}), and the error responses every client must handle (RFC 9457 problem details) are
 * added here by rule. An operation without an entry in {@code schemas.json} gets no success response at all, which
 * {@code ContractConformanceTest} refuses, as it refuses any answer of the API that the document does not list.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String PROBLEM = "application/problem+json";
    static final String JSON = "application/json";
    private static final String REF = "#/components/schemas/";

    record Entry(String summary, Object example) {
    }

    /** One operation's contract: its request schema (and media type) and its success responses by status. */
    record Contract(JsonNode request, String requestContent, Map<String, Answer> responses) {
    }

    /** A documented response: its schema, media type (JSON by default) and the headers it always carries. */
    record Answer(String description, String content, JsonNode schema, List<String> headers) {
    }

    record Declared(Map<String, Contract> operations, Map<String, JsonNode> components) {
    }

    @Bean
    OpenApiCustomizer researcherApi(ObjectMapper json, FrameworkCatalog frameworks, RegionCatalog regions) {
        Map<String, Entry> entries = read(json, "openapi/operations.json", new TypeReference<>() { });
        Declared declared = read(json, "openapi/schemas.json", new TypeReference<>() { });
        Map<String, JsonNode> components = new LinkedHashMap<>(new CodeSchemas(frameworks, regions).all());
        components.putAll(declared.components());
        return openApi -> {
            openApi.info(new Info().title("Collaboration maturity assessment: researcher API").version("v1")
                    .description("Studies, waves, areas, interviews and findings, self-assessments; maturity "
                            + "profiles, trajectories, paths, reliability, situational picture; export. Every "
                            + "error is an RFC 9457 problem (application/problem+json) naming the bad field. "
                            + "Creating POSTs take an Idempotency-Key header; writes answer X-Assessment-Position, "
                            + "which reads accept as minPosition to see their own writes. Response objects may "
                            + "gain fields (the contract grows by adding); requests with unknown fields are refused.")
                    .license(new License().name("Apache-2.0")));
            Components existing = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(existing
                    .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("basic").description("A built-in account"))
                    .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").bearerFormat("JWT")
                            .description("A token of the configured OIDC issuer (only when OIDC mode is on)")));
            openApi.addSecurityItem(new SecurityRequirement().addList("basicAuth"));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String key = method.name() + " " + path;
                document(path, method, operation, entries.get(key), declared.operations().get(key));
            }));
            replaceSchemas(openApi, components);
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, Entry entry,
                                 Contract contract) {
        if (entry != null) {
            operation.summary(entry.summary());
        }
        if (contract != null && contract.request() != null) {
            String type = contract.requestContent() == null ? JSON : contract.requestContent();
            RequestBody body = operation.getRequestBody() == null ? new RequestBody().required(false)
                    : operation.getRequestBody();
            MediaType media = new MediaType().schema(schema(contract.request()));
            if (entry != null && entry.example() != null && type.equals(JSON)) {
                media.example(entry.example());
            }
            operation.requestBody(body.content(new Content().addMediaType(type, media)));
        }
        // springdoc's guesses (a 200 of "*/*" with whatever the controller returns) are replaced entirely
        ApiResponses responses = new ApiResponses();
        if (contract != null && contract.responses() != null) {
            contract.responses().forEach((status, answer) -> responses.addApiResponse(status, response(answer)));
        }
        boolean writes = method != PathItem.HttpMethod.GET;
        boolean creates = method == PathItem.HttpMethod.POST && responses.containsKey("201");
        if (creates) {
            operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                    .schema(new StringSchema().maxLength(200))
                    .description("A retry with the same key and body answers the first response; "
                            + "the same key with another body answers 409"));
        }
        responses.addApiResponse("400", problem("Invalid input: the problem's errors name each bad field"));
        responses.addApiResponse("401", problem("No or wrong credentials"));
        responses.addApiResponse("403", problem("The caller's role or study role does not allow this, or "
                + "(cross-site-request) a browser sent a write from another site's page"));
        responses.addApiResponse("404", problem("No such resource, or a study the caller may not see"));
        responses.addApiResponse("429", problem("Too many failed sign-ins for this account or from this address; "
                + "retry after Retry-After"));
        if (writes) {
            responses.addApiResponse("409", problem("Conflicts with the current state (e.g. a closed wave, a "
                    + "taken id, a concurrent change)"));
            responses.addApiResponse("413", problem(path.endsWith("/import")
                    ? "The file is larger, or has more rows, than allowed" : "The request body is too large"));
        }
        if (operation.getRequestBody() != null) {
            responses.addApiResponse("415", problem("The body is not of the media type the operation takes"));
        }
        if (method == PathItem.HttpMethod.PUT) {
            responses.addApiResponse("412", problem("If-Match does not match the current ETag"));
            operation.addParametersItem(new Parameter().in("header").name("If-Match").required(false)
                    .schema(new StringSchema()).description("The ETag read with the resource"));
        }
        if (!writes && operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "minPosition".equals(p.getName()))) {
            responses.addApiResponse("503", problem("The results have not reached minPosition within 5 s; "
                    + "retry after Retry-After"));
        }
        if (contract != null && contract.responses() != null) {
            // a declared error response (e.g. the import's 400 with its row report) overrides the rule's
            contract.responses().forEach((status, answer) -> responses.addApiResponse(status, response(answer)));
        }
        operation.responses(responses);
    }

    private static ApiResponse response(Answer answer) {
        ApiResponse response = new ApiResponse().description(answer.description());
        if (answer.schema() != null) {
            response.content(new Content().addMediaType(answer.content() == null ? JSON : answer.content(),
                    new MediaType().schema(schema(answer.schema()))));
        }
        if (answer.headers() != null) {
            for (String header : answer.headers()) {
                response.addHeaderObject(header, HEADERS.get(header));
            }
        }
        return response;
    }

    private static final Map<String, Header> HEADERS = Map.of(
            "Location", new Header().description("The created resource").schema(new StringSchema()),
            "X-Assessment-Position", new Header().description("The event log position of the write; pass it "
                    + "to a read as minPosition to see it").schema(new IntegerSchema().format("int64")),
            "ETag", new Header().description("The resource's version, for If-Match").schema(new StringSchema()));

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref(REF + "Problem"))));
    }

    /**
     * The declared schemas in place of springdoc's (which describe the controllers' Java types, not always what
     * travels): the declared ones and the Problem, plus any generated schema an operation
     * without a declaration still refers to.
     */
    @SuppressWarnings("rawtypes")
    private static void replaceSchemas(OpenAPI openApi, Map<String, JsonNode> declared) {
        Map<String, Schema> generated = openApi.getComponents().getSchemas() == null ? Map.of()
                : openApi.getComponents().getSchemas();
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.put("Problem", problemSchema());
        declared.forEach((name, node) -> schemas.put(name, schema(node)));
        String paths = Json.pretty(openApi.getPaths());
        generated.forEach((name, schema) -> {
            if (!schemas.containsKey(name) && paths.contains("\"" + REF + name + "\"")) {
                schemas.put(name, schema);
            }
        });
        openApi.getComponents().setSchemas(new LinkedHashMap<>(schemas));
    }

    /**
     * A declared schema (OpenAPI 3.1, i.e. JSON Schema 2020-12, as springdoc publishes) as springdoc's model;
     * {"$page": items} stands for a page of items.
     */
    @SuppressWarnings("rawtypes")
    static Schema schema(JsonNode node) {
        return Json31.mapper().convertValue(expandPages(node), Schema.class);
    }

    private static JsonNode expandPages(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode items = object.get("$page");
            if (items != null) {
                ObjectNode page = Json.mapper().createObjectNode().put("type", "object");
                page.putObject("properties").<ObjectNode>set("content", Json.mapper().createObjectNode()
                                .put("type", "array").set("items", expandPages(items)))
                        .<ObjectNode>set("page", Json.mapper().createObjectNode().put("type", "integer"))
                        .<ObjectNode>set("size", Json.mapper().createObjectNode().put("type", "integer"))
                        .set("totalElements", Json.mapper().createObjectNode().put("type", "integer")
                                .put("format", "int64"));
                page.putArray("required").add("content").add("page").add("size").add("totalElements");
                return page;
            }
            ObjectNode copy = Json.mapper().createObjectNode();
            object.fields().forEachRemaining(e -> copy.set(e.getKey(),
                    e.getKey().equals("example") || e.getKey().equals("enum") ? e.getValue() : expandPages(e.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.mapper().createArrayNode();
            array.forEach(item -> copy.add(expandPages(item)));
            return copy;
        }
        return node;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("urn:collab-maturity:problem:invalid-input"));
        properties.put("title", new StringSchema().example("Invalid input"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put("detail", new StringSchema().example("answers.trust: must be from 1.0 to 3.0 in steps of 0.5"));
        properties.put("instance", new StringSchema().example("/api/v1/studies/lapland/self-assessments"));
        properties.put("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema().example("answers.trust"))
                .addProperty("message", new StringSchema().example("must be from 1.0 to 3.0 in steps of 0.5"))
                .required(List.of("field", "message"))));
        properties.put("duplicateOf", new StringSchema().description("a duplicate-answer problem (409): the "
                + "respondent's self-assessment already recorded for the area and wave"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.required(List.of("type", "title", "status"));
        schema.description("RFC 9457 problem details");
        return schema;
    }

    private static <T> T read(ObjectMapper json, String resource, TypeReference<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is unreadable", e);
        }
    }
}
