package fi.collabmaturity.api.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import fi.collabmaturity.api.support.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The OpenAPI document (/v3/api-docs) as a checker of real exchanges: each response a test receives is looked up
 * by its operation ("POST /api/v1/studies/{studyId}/waves"), its status must be one the document lists for that
 * operation, and its body must match the schema documented for that status. Response schemas are checked closed
 * (an object may carry no property the schema does not name), although the document leaves them open so that the
 * contract can grow by adding fields: a field the API returns but the document does not describe fails here.
 * Every problem found is collected, so that one run names them all.
 */
final class DocumentedContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());

    private final JsonNode document;
    private final Set<String> exercised = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    DocumentedContract(JsonNode document) {
        this.document = document;
    }

    /** "POST /api/v1/studies/{studyId}/waves" for every operation of the document. */
    Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    JsonNode operation(String operation) {
        int space = operation.indexOf(' ');
        return document.path("paths").path(operation.substring(space + 1))
                .path(operation.substring(0, space).toLowerCase(Locale.ROOT));
    }

    /** The success statuses the document lists for an operation ("201", or "200" and "201" for the import). */
    List<String> successStatuses(String operation) {
        List<String> statuses = new ArrayList<>();
        operation(operation).path("responses").fieldNames().forEachRemaining(status -> {
            if (status.startsWith("2")) {
                statuses.add(status);
            }
        });
        return statuses;
    }

    /**
     * Checks a response of {@code operation} ("GET /api/v1/studies/{studyId}"): the request went to a path of that
     * template, the status is documented for the operation, and the body matches the documented schema and media
     * type. Returns the response, for the next step of a scenario.
     */
    ApiClient.Response check(String operation, ApiClient.Response response) {
        JsonNode documented = operation(operation);
        if (documented.isMissingNode()) {
            problems.add(operation + ": not in the document");
            return response;
        }
        String template = operation.substring(operation.indexOf(' ') + 1);
        String path = response.raw().request().uri().getRawPath();
        if (!Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")).matcher(path).matches()) {
            problems.add(operation + ": the test sent " + path + ", which is not this operation");
        }
        String status = String.valueOf(response.status());
        JsonNode answer = documented.path("responses").path(status);
        if (answer.isMissingNode()) {
            problems.add(operation + " answered " + status + " (" + abbreviated(response.body())
                    + "), the document lists " + names(documented.path("responses")));
            return response;
        }
        exercised.add(operation + " " + status);
        JsonNode content = answer.path("content");
        String contentType = response.header("Content-Type");
        if (content.isEmpty()) {
            if (!response.body().isEmpty()) {
                problems.add(operation + " " + status + ": a body the document does not describe");
            }
            return response;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            problems.add(operation + " " + status + ": answered " + contentType + ", the document says "
                    + names(content));
            return response;
        }
        answer.path("headers").fieldNames().forEachRemaining(header -> {
            if (response.header(header) == null) {
                problems.add(operation + " " + status + ": no " + header + " header, which the document promises");
            }
        });
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            for (String error : errors(closed(resolve(media.path("schema"))), response.json())) {
                problems.add(operation + " " + status + ": " + error);
            }
        }
        return response;
    }

    /** Checks a request body the test sends (and expects accepted) against the operation's request schema. */
    String requestBody(String operation, String body) {
        JsonNode schema = operation(operation).path("requestBody").path("content").path("application/json")
                .path("schema");
        if (schema.isMissingNode()) {
            problems.add(operation + ": sends a JSON body, the document describes none");
            return body;
        }
        try {
            for (String error : errors(resolve(schema), JSON.readTree(body))) {
                problems.add(operation + " request: " + error);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    /** The errors of a JSON value against a schema of the document (with its references resolved). */
    static List<String> errors(JsonNode schema, JsonNode value) {
        Schema validator = SCHEMAS.getSchema(schema);
        return validator.validate(value).stream().map(Error::toString).toList();
    }

    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (depth > 50) {
            throw new IllegalStateException("schema references too deep (a cycle?)");
        }
        if (schema.isObject()) {
            JsonNode ref = schema.get("$ref");
            if (ref != null) {
                String name = ref.asText().substring("#/components/schemas/".length());
                JsonNode target = document.path("components").path("schemas").path(name);
                if (target.isMissingNode()) {
                    throw new IllegalStateException("the document has no schema " + name);
                }
                return resolve(target, depth + 1);
            }
            ObjectNode copy = JSON.createObjectNode();
            schema.fields().forEachRemaining(e -> copy.set(e.getKey(),
                    e.getKey().equals("example") || e.getKey().equals("enum") ? e.getValue()
                            : resolve(e.getValue(), depth + 1)));
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            schema.forEach(item -> copy.add(resolve(item, depth + 1)));
            return copy;
        }
        return schema;
    }

    /** The schema with every object that names its properties closed to others. */
    static JsonNode closed(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("example") && !e.getKey().equals("enum")) {
                    close(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(DocumentedContract::close);
        }
    }

    /** Every documented success status of every operation that no check has seen. */
    List<String> unexercised() {
        List<String> missing = new ArrayList<>();
        for (String operation : operations()) {
            for (String status : successStatuses(operation)) {
                if (!exercised.contains(operation + " " + status)) {
                    missing.add(operation + " " + status);
                }
            }
        }
        return missing;
    }

    Set<String> exercised() {
        return exercised;
    }

    List<String> problems() {
        return problems;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
