package fi.collabmaturity.api.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.EventLog;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzer over the live OpenAPI document: every operation it lists (so an operation added later is covered without
 * touching this test), with path variables naming records that exist, is sent odd path variables and query
 * parameters, and, where it takes a JSON body, mutations of its documented example: each field replaced by a value
 * of another JSON type, by numbers out of range, by odd and huge strings; keys repeated or unknown; text after the
 * document, a truncated document, another content type. For every request:
 * <ul>
 * <li>never a 5xx;</li>
 * <li>never a 2xx for a request that is invalid by construction (a value of another JSON type than the documented
 * example's, a fraction where the example has a whole number, a number out of every range of this API, a repeated
 * or unknown key, anything after the document, a truncated document, a word where a number parameter belongs);
 * mutations that may still be valid (null for a field, an odd but well-formed string) may be accepted;</li>
 * <li>every 4xx is an RFC 9457 problem (application/problem+json);</li>
 * <li>a refused request records nothing: the rows of the event log (counted in the embedded H2 store through the
 * application's DataSource) are as many after it as before.</li>
 * </ul>
 * The choices that are sampled (which odd strings go into which field) come from a fixed seed, so every run sends
 * the same requests. Operations that destroy what others need (DELETE, closing a wave, an erasure, a replay) run
 * last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    static final long SEED = 18;
    static final Path dataDir = TestData.freshFolder("api-fuzz");
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String JSON_TYPE = "application/json";
    static final String MULTIPART_TYPE = "multipart/form-data";

    /**
     * Every number this API takes is a small non-negative quantity (a stage, a minimum n, a weight up to 100, a
     * threshold up to 2, an answer on the 1-3 scale, a page): so these are out of range for all of them.
     */
    static final List<String> OUT_OF_RANGE = List.of("-1", "1e400", "-1e400", "2147483648", "1000000000",
            "99999999999999999999999");
    static final List<String> ODD_STRINGS = List.of("", "   ", "\\u0000", "a\\u0000b", "\\ud800", "x\\udfff",
            "\\u202eevil", "../../etc", "%2F", "a/b", "😀🏳️‍🌈", "\\\"quoted\\\"", "<script>", "=1+1",
            "x".repeat(10_000), "Ä".repeat(300));
    /** Within the JSON size limit (1 MiB): a field this long is refused by the domain or recorded, never a 500. */
    static final String HUGE_STRING = "h".repeat(300_000);
    static final List<String> ODD_PATH_VALUES = List.of("x%20y", "..", "%2E%2E", "%2F", "%00", "%25", "%E2%80%AE",
            "%F0%9F%98%80", "a".repeat(300), "%C0%AF", "%5C", "%3B", "-1", "%ED%A0%80", "nosuchthing");
    static final List<String> ODD_QUERY_VALUES = List.of("-1", "abc", "1.5", "1e400", "99999999999999999999", "",
            "%00", "x".repeat(5000), "%E2%80%AE", "true", "%5B%5D");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "fuzz-admin-pw-1");
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    ApiClient admin;
    EventLog events;
    JsonNode document;
    final Map<String, String> existing = new HashMap<>();
    final Random random = new Random(SEED);

    /** One request and whether it must be refused. */
    record Probe(String what, String method, String path, String contentType, String body, boolean invalid) {
    }

    record Operation(String method, String template, JsonNode spec) {

        String name() {
            return method + " " + template;
        }

        /** Reads first, then writes, then what destroys records or rebuilds the read side. */
        int rank() {
            if (method.equals("GET")) {
                return 0;
            }
            boolean destructive = method.equals("DELETE") || template.endsWith("/close")
                    || template.endsWith("/erasure") || template.endsWith("/replay") || template.endsWith("/retry");
            return destructive ? 2 : 1;
        }
    }

    @BeforeAll
    void recordOneOfEverythingFromTheDocumentedExamples() {
        admin = new ApiClient(port, "admin", "fuzz-admin-pw-1");
        events = new EventLog(dataSource);
        ApiClient.Response docs = new ApiClient(port, null, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        document = docs.json();
        created("/api/v1/accounts", example("POST", "/api/v1/accounts"));
        String studyId = created("/api/v1/studies", example("POST", "/api/v1/studies")).path("id").asText();
        String study = "/api/v1/studies/" + studyId;
        String waveId = created(study + "/waves", example("POST", "/api/v1/studies/{studyId}/waves"))
                .path("id").asText();
        String areaId = created(study + "/areas", example("POST", "/api/v1/studies/{studyId}/areas"))
                .path("id").asText();
        String interviewId = created(study + "/interviews", example("POST", "/api/v1/studies/{studyId}/interviews"))
                .path("id").asText();
        String findingId = created(study + "/interviews/" + interviewId + "/findings",
                example("POST", "/api/v1/studies/{studyId}/interviews/{interviewId}/findings")).path("id").asText();
        JsonNode selfAssessment = example("POST", "/api/v1/studies/{studyId}/self-assessments");
        String selfAssessmentId = created(study + "/self-assessments", selfAssessment).path("id").asText();
        existing.put("studyId", studyId);
        existing.put("waveId", waveId);
        existing.put("areaId", areaId);
        existing.put("interviewId", interviewId);
        existing.put("findingId", findingId);
        existing.put("selfAssessmentId", selfAssessmentId);
        existing.put("pseudonym", selfAssessment.path("respondent").path("pseudonym").asText());
        existing.put("frameworkId", "keast-mandell-2014");
        existing.put("username", example("POST", "/api/v1/accounts").path("username").asText());
        existing.put("name", "maturity");
    }

    private JsonNode created(String path, JsonNode body) {
        ApiClient.Response response = admin.post(path, body.toString());
        assertThat(response.status()).as(path + " " + response).isEqualTo(201);
        return response.json();
    }

    private JsonNode example(String method, String template) {
        JsonNode example = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT))
                .path("requestBody").path("content").path(JSON_TYPE).path("example");
        assertThat(example.isObject()).as("documented example of " + method + " " + template).isTrue();
        return example;
    }

    @TestFactory
    Stream<DynamicTest> everyOperationOfTheDocument() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()))));
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(40);
        operations.sort(Comparator.comparingInt(Operation::rank).thenComparing(Operation::name));
        return operations.stream().map(op -> DynamicTest.dynamicTest(op.name(), () -> fuzz(op)));
    }

    private void fuzz(Operation op) {
        List<Probe> probes = new ArrayList<>();
        JsonNode requestBody = op.spec().path("requestBody");
        JsonNode example = requestBody.path("content").path(JSON_TYPE).path("example");
        boolean takesJson = requestBody.path("content").has(JSON_TYPE);
        String validBody = takesJson ? (example.isMissingNode() ? "{}" : example.toString()) : null;
        String validType = takesJson ? JSON_TYPE : null;
        String path = fill(op.template(), Map.of());
        probes.addAll(pathVariables(op, validType, validBody));
        probes.addAll(queryParameters(op, path, validType, validBody));
        if (takesJson) {
            probes.addAll(bodies(op, path, example.isMissingNode() ? NODES.objectNode() : example,
                    requestBody.path("required").asBoolean(false)));
        }
        if (requestBody.path("content").has(MULTIPART_TYPE)) {
            probes.addAll(files(op, path));
        }
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            check(probe, failures);
        }
        assertThat(failures).as(op.name() + ": " + probes.size() + " requests").isEmpty();
    }

    private void check(Probe probe, List<String> failures) {
        long before = events.count();
        ApiClient.Response response = admin.send(probe.method(), probe.path(), probe.contentType(), probe.body());
        int status = response.status();
        String what = probe.what() + " → " + status + " " + abbreviate(response.body());
        if (status >= 500) {
            failures.add("5xx: " + what);
        }
        if (probe.invalid() && status < 400) {
            failures.add("accepted although invalid: " + what);
        }
        if (status >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add("not a problem (" + type + "): " + what);
            }
            long after = events.count();
            if (after != before) {
                failures.add("refused but recorded " + (after - before) + " events: " + what);
            }
        }
    }

    /**
     * Spreadsheets that no import may take, each in the part named {@code file} (and one good file in a part of
     * another name): every one of them must be refused and leave the event log as it was.
     */
    private List<Probe> files(Operation op, String path) {
        String header = "areaId;waveId;pseudonym;organisationType;actorLevel;trust\r\n";
        String area = existing.get("areaId");
        String wave = existing.get("waveId");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("empty file", "");
        files.put("binary garbage", "PK\u0003\u0004\u0000\u0001\u00ff\ufffd garbage");
        files.put("header only", header);
        files.put("unknown column", "areaId;waveId;pseudonym;organisationType;actorLevel;nonsense\r\n"
                + area + ";" + wave + ";F-1;ngo;operations;2\r\n");
        files.put("answer off the scale", header + area + ";" + wave + ";F-2;ngo;operations;2,7\r\n");
        files.put("formula as an answer", header + area + ";" + wave + ";F-3;ngo;operations;=1+1\r\n");
        files.put("NUL in a cell", header + area + ";" + wave + ";F-\u00004;ngo;operations;x\r\n");
        files.put("huge cell", header + area + ";" + wave + ";" + "F".repeat(300_000) + ";ngo;operations;9\r\n");
        files.put("unknown area", header + "no-such-area;" + wave + ";F-5;ngo;operations;2\r\n");
        files.put("unknown organisation type", header + area + ";" + wave + ";F-6;guild;operations;2\r\n");
        List<Probe> probes = new ArrayList<>();
        files.forEach((what, content) -> probes.add(multipart(op, path, what, "file", content)));
        probes.add(multipart(op, path, "a good file in a part named upload", "upload",
                header + area + ";" + wave + ";F-7;ngo;operations;2\r\n"));
        return probes;
    }

    private static Probe multipart(Operation op, String path, String what, String part, String content) {
        String boundary = "fuzz-boundary-7f3a";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"answers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return new Probe(op.method() + " " + path + " with " + what, op.method(), path,
                MULTIPART_TYPE + "; boundary=" + boundary, body, true);
    }

    /** The path with each variable naming an existing record, except those given. */
    private String fill(String template, Map<String, String> replaced) {
        String path = template;
        for (String variable : variables(template)) {
            String value = replaced.getOrDefault(variable, existing.getOrDefault(variable, "unknown-" + variable));
            path = path.replace("{" + variable + "}", value);
        }
        return path;
    }

    private static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private List<Probe> pathVariables(Operation op, String contentType, String body) {
        List<Probe> probes = new ArrayList<>();
        for (String variable : variables(op.template())) {
            for (String odd : ODD_PATH_VALUES) {
                String path = fill(op.template(), Map.of(variable, odd));
                probes.add(new Probe(op.method() + " " + abbreviate(path), op.method(), path, contentType, body,
                        false));
            }
        }
        return probes;
    }

    private List<Probe> queryParameters(Operation op, String path, String contentType, String body) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            String type = parameter.path("schema").path("type").asText();
            for (String odd : ODD_QUERY_VALUES) {
                boolean invalid = switch (type) {
                    case "integer" -> !odd.isEmpty() && !odd.equals("-1");
                    case "number" -> !odd.isEmpty() && !odd.matches("-?[0-9.]+");
                    case "boolean" -> !odd.isEmpty() && !odd.equals("true");
                    default -> false;
                };
                String target = path + "?" + name + "=" + odd;
                probes.add(new Probe(op.method() + " " + abbreviate(target), op.method(), target, contentType, body,
                        invalid));
            }
        }
        return probes;
    }

    private List<Probe> bodies(Operation op, String path, JsonNode example, boolean required) {
        List<Probe> probes = new ArrayList<>();
        String method = op.method();
        String valid = example.toString();
        for (List<Object> at : fieldPaths(example)) {
            JsonNode original = at(example, at);
            String field = display(at);
            for (JsonNode replacement : List.of(NODES.numberNode(7), NODES.numberNode(2.5), NODES.textNode("7"),
                    NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode())) {
                probes.add(new Probe(method + " " + path + " " + field + "=" + replacement, method, path, JSON_TYPE,
                        with(example, at, replacement).toString(), !compatible(original, replacement)));
            }
            if (original.isNumber()) {
                for (String number : OUT_OF_RANGE) {
                    probes.add(new Probe(method + " " + path + " " + field + "=" + number, method, path, JSON_TYPE,
                            withRaw(example, at, number), true));
                }
            }
            if (original.isTextual()) {
                List<String> odd = new ArrayList<>(ODD_STRINGS);
                Collections.shuffle(odd, random);
                for (String text : odd.subList(0, 5)) {
                    probes.add(new Probe(method + " " + path + " " + field + "=\"" + abbreviate(text) + "\"", method,
                            path, JSON_TYPE, withRaw(example, at, "\"" + text + "\""), false));
                }
                probes.add(new Probe(method + " " + path + " " + field + "=<300k characters>", method, path,
                        JSON_TYPE, withRaw(example, at, "\"" + HUGE_STRING + "\""), false));
            }
            List<Object> repeated = repeatedKeyIn(original, at);
            if (!repeated.isEmpty()) {
                probes.add(new Probe(method + " " + path + " repeated key " + display(repeated), method, path,
                        JSON_TYPE, write(example, List.of(), repeated), true));
            }
            if (original.isObject()) {
                ObjectNode unknown = ((ObjectNode) original.deepCopy()).put("zzNoSuchField", 1);
                probes.add(new Probe(method + " " + path + " unknown key in " + field, method, path, JSON_TYPE,
                        with(example, at, unknown).toString(), false));
            }
        }
        Iterator<String> keys = example.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            probes.add(new Probe(method + " " + path + " repeated key " + key, method, path, JSON_TYPE,
                    write(example, List.of(), List.of(key)), true));
        }
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("unknown top-level key", ((ObjectNode) example.deepCopy()).put("zzNoSuchField", 1).toString());
        refused.put("trailing garbage", valid + "}garbage");
        refused.put("a second document", valid + " {}");
        refused.put("a trailing number", valid + " 1");
        refused.put("truncated", valid.substring(0, valid.length() / 2));
        refused.put("without its last brace", valid.substring(0, valid.length() - 1));
        refused.put("an array", "[" + valid + "]");
        refused.put("a number", "7");
        refused.put("a string", "\"" + valid.replace("\"", "'") + "\"");
        refused.put("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        refused.put("not JSON", "title=x&id=y");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            probes.add(new Probe(method + " " + path + " " + e.getKey(), method, path, JSON_TYPE, e.getValue(), true));
        }
        probes.add(new Probe(method + " " + path + " empty body", method, path, JSON_TYPE, "", required));
        probes.add(new Probe(method + " " + path + " null body", method, path, JSON_TYPE, "null", false));
        probes.add(new Probe(method + " " + path + " as text/plain", method, path, "text/plain", valid, true));
        probes.add(new Probe(method + " " + path + " as a form", method, path, "application/x-www-form-urlencoded",
                "a=b", true));
        probes.add(new Probe(method + " " + path + " without a content type", method, path, null, valid, true));
        return probes;
    }

    /**
     * A value of the same JSON type as the example's may still be valid; so may null (an optional field) and a
     * whole number where the example has a fraction. A fraction where the example has a whole number is not.
     */
    private static boolean compatible(JsonNode original, JsonNode replacement) {
        if (replacement.isNull()) {
            return true;
        }
        if (original.isNumber() && replacement.isNumber()) {
            return !original.isIntegralNumber() || replacement.isIntegralNumber();
        }
        return original.getNodeType() == replacement.getNodeType();
    }

    /** Every field and the first element of every list, depth first, as paths of names and indexes. */
    private static List<List<Object>> fieldPaths(JsonNode root) {
        List<List<Object>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                List<Object> child = new ArrayList<>(at);
                child.add(f.getKey());
                paths.add(child);
                collect(f.getValue(), child, paths);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> child = new ArrayList<>(at);
            child.add(0);
            paths.add(child);
            collect(node.get(0), child, paths);
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static JsonNode with(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private static final String MARK = "@@raw-value-of-the-fuzzer@@";

    /** The example with the value at {@code path} written as raw JSON text (numbers beyond double, escapes). */
    private static String withRaw(JsonNode root, List<Object> path, String rawJson) {
        try {
            return JSON.writeValueAsString(with(root, path, NODES.textNode(MARK))).replace("\"" + MARK + "\"",
                    rawJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key path whose last key is written twice: the first key of an object, or in a list's first element. */
    private static List<Object> repeatedKeyIn(JsonNode container, List<Object> at) {
        List<Object> path = new ArrayList<>(at);
        JsonNode node = container;
        while (node.isArray()) {
            path.add(0);
            node = node.get(0);
        }
        if (!node.isObject() || node.isEmpty()) {
            return List.of(); // a scalar, or a list of scalars: no key to repeat
        }
        path.add(node.fieldNames().next());
        return path;
    }

    /** The JSON text of {@code node}, with the key at {@code repeat} (if any) written twice. */
    private static String write(JsonNode node, List<Object> at, List<Object> repeat) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            node.fields().forEachRemaining(f -> {
                List<Object> child = new ArrayList<>(at);
                child.add(f.getKey());
                String entry = NODES.textNode(f.getKey()) + ":" + write(f.getValue(), child, repeat);
                out.append(out.length() > 1 ? "," : "").append(entry);
                if (child.equals(repeat)) {
                    out.append(",").append(entry);
                }
            });
            return out.append("}").toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(at);
                child.add(i);
                out.append(i > 0 ? "," : "").append(write(node.get(i), child, repeat));
            }
            return out.append("]").toString();
        }
        return node.toString();
    }

    private static String display(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(step);
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }
}
