package fi.collabmaturity.api.apidocs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
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
import java.util.Map;

/**
 * The OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html). The controllers stay free of annotations:
 * summaries and request examples live in {@code openapi/operations.json}, one entry per "METHOD path", and the
 * error responses every client must handle (RFC 9457 problem details) are added here by rule, so that the
 * document says the same for every endpoint as the API does.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String PROBLEM = "application/problem+json";

    record Entry(String summary, Object example) {
    }

    @Bean
    OpenApiCustomizer researcherApi(ObjectMapper json) {
        Map<String, Entry> entries = entries(json);
        return openApi -> {
            openApi.info(new Info().title("Collaboration maturity assessment: researcher API").version("v1")
                    .description("Studies, waves, areas, interviews and findings, self-assessments; maturity "
                            + "profiles, trajectories, paths, reliability, situational picture; export. Every "
                            + "error is an RFC 9457 problem (application/problem+json) naming the bad field. "
                            + "Creating POSTs take an Idempotency-Key header; writes answer X-Assessment-Position, "
                            + "which reads accept as minPosition to see their own writes.")
                    .license(new License().name("Apache-2.0")));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                    .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("basic").description("A built-in account"))
                    .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").bearerFormat("JWT")
                            .description("A token of the configured OIDC issuer (only when OIDC mode is on)"))
                    .addSchemas("Problem", problemSchema()));
            openApi.addSecurityItem(new SecurityRequirement().addList("basicAuth"));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    document(path, method, operation, entries.get(method.name() + " " + path))));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, Entry entry) {
        if (entry != null) {
            operation.summary(entry.summary());
            if (entry.example() != null && operation.getRequestBody() != null
                    && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> media.example(entry.example()));
            }
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean writes = method != PathItem.HttpMethod.GET;
        boolean creates = method == PathItem.HttpMethod.POST;
        if (creates && responses.containsKey("200") && !path.endsWith("/replay") && !path.endsWith("/retry")
                && !path.endsWith("/import")) {
            responses.addApiResponse("201", responses.remove("200").description(
                    "Created; Location names the new resource, X-Assessment-Position its events"));
        }
        if (path.endsWith("/import")) {
            responses.addApiResponse("201", new ApiResponse().description("Imported: every row recorded"));
            responses.addApiResponse("200", new ApiResponse().description("Dry run: the row-by-row report"));
            responses.addApiResponse("413", problem("The file is larger, or has more rows, than allowed"));
        }
        if (creates) {
            operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                    .schema(new StringSchema().maxLength(200))
                    .description("A retry with the same key and body answers the first response; "
                            + "the same key with another body answers 409"));
        }
        responses.addApiResponse("400", problem("Invalid input: the problem's errors name each bad field"));
        responses.addApiResponse("401", problem("No or wrong credentials"));
        responses.addApiResponse("403", problem("The caller's role or study role does not allow this"));
        responses.addApiResponse("404", problem("No such resource, or a study the caller may not see"));
        responses.addApiResponse("429", problem("Too many failed sign-ins from this account and address"));
        if (writes) {
            responses.addApiResponse("409", problem("Conflicts with the current state (e.g. a closed wave, a "
                    + "taken id, a concurrent change)"));
            responses.addApiResponse("413", problem("The request body is too large"));
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
        operation.responses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
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
                .addProperty("message", new StringSchema().example("must be from 1.0 to 3.0 in steps of 0.5"))));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.description("RFC 9457 problem details");
        return schema;
    }

    private static Map<String, Entry> entries(ObjectMapper json) {
        try (InputStream in = new ClassPathResource("openapi/operations.json").getInputStream()) {
            return json.readValue(in, new TypeReference<Map<String, Entry>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/operations.json is unreadable", e);
        }
    }
}
