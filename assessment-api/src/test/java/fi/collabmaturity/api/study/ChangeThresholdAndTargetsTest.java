package fi.collabmaturity.api.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.EventLog;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.area.TargetProfileChoice;
import fi.collabmaturity.area.TargetProfileHistory;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.support.TargetProfiles;
import fi.collabmaturity.study.ScoringPolicySet;
import fi.collabmaturity.study.StudyCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring policy's change threshold and the area's target profiles per wave, over HTTP against the real event
 * log and read models: what is set is read back (and reaches the maturity read model the path reads), what is
 * out of range is refused by name with nothing recorded, and a policy recorded before the threshold existed is
 * read with the default threshold, not as 0.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeThresholdAndTargetsTest {

    static final Path dataDir = TestData.freshFolder("change-threshold-and-targets");
    static final String PASSWORD = "targets-admin-1";
    static final String S = "/api/v1/studies/targets";
    static final String AREA = S + "/areas/a1";
    static final String OTHER_AREA = S + "/areas/a2";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> PASSWORD);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoDatabase readModels;
    @Autowired
    Serializer serializer;
    @Autowired
    EventStorageEngine engine;
    ApiClient api;
    ApiClient viewer;
    EventLog events;

    @BeforeAll
    void aStudyWithThreeWavesAndAnArea() {
        api = new ApiClient(port, "admin", PASSWORD);
        events = new EventLog(dataSource);
        ok(api.post("/api/v1/studies", Slice.study("targets")), 201);
        // created out of time order: the wave order is by opening date, not by creation
        ok(api.post(S + "/waves", wave("w3", "2025-09-01")), 201);
        ok(api.post(S + "/waves", wave("w1", "2023-09-01")), 201);
        ok(api.post(S + "/waves", wave("w2", "2024-09-01")), 201);
        ok(api.post(S + "/areas", Slice.area("a1")), 201);
        ok(api.post(S + "/areas", Slice.area("a2")), 201);
        viewer = api.createAccount("katsoja", "VIEWER");
        ok(api.post(S + "/members", "{\"username\":\"katsoja\",\"role\":\"VIEWER\"}"), 201);
    }

    static String wave(String id, String opensOn) {
        return """
                {"id":"%s","label":"Wave %s","opensOn":"%s","closesOn":"%s"}"""
                .formatted(id, id, opensOn, opensOn.substring(0, 4) + "-12-31");
    }

    @Test
    void theChangeThresholdIsSetKeptAndRefusedOutsideTheScale() {
        ApiClient.Response set = api.put(S + "/scoring-policy", "{\"changeThreshold\":0.4}");
        ok(set, 200);
        assertThat(set.json().path("changeThreshold").asDouble()).isEqualTo(0.4);
        ok(api.put(S + "/scoring-policy", "{\"minimumN\":2}"), 200);
        JsonNode policy = api.get(S).json().path("scoringPolicy");
        assertThat(policy.path("changeThreshold").asDouble()).isEqualTo(0.4);
        assertThat(policy.path("minimumN").asInt()).isEqualTo(2);
        assertThat(policy.path("divergenceThreshold").asDouble()).isEqualTo(0.75);

        ApiClient.Response edge = api.put(S + "/scoring-policy", "{\"changeThreshold\":2}");
        ok(edge, 200);
        awaitMaturity(edge.position());
        assertThat(maturityStudy("targets").get("policy", Document.class).getDouble("changeThreshold"))
                .isEqualTo(2.0);

        for (String bad : List.of("-0.01", "2.01", "\"0.3\"", "true", "1e400")) {
            refused(() -> api.put(S + "/scoring-policy", "{\"changeThreshold\":" + bad + "}"), "changeThreshold");
        }
        assertThat(api.get(S).json().path("scoringPolicy").path("changeThreshold").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aTargetSetFromTheSecondWaveWithARationaleIsKeptBesideTheEarlierOnes() {
        String rationale = " Valta ja\u0308a\u0308 kunnille: yhteinen valta ei ole tavoite\u00A0";
        ApiClient.Response set = api.put(AREA + "/target-profile", """
                {"targetProfile":{"power":2,"resources":1},"waveId":"w2","rationale":"%s"}""".formatted(rationale));
        ok(set, 200);
        // without a wave: from the study's latest wave on (w3 by opening date, though created first)
        ApiClient.Response later = api.put(AREA + "/target-profile", "{\"targetProfile\":{\"power\":1}}");
        ok(later, 200);

        for (ApiClient reader : List.of(api, viewer)) {
            JsonNode area = reader.get(AREA + "?minPosition=" + later.position()).json();
            JsonNode history = area.path("targetProfiles");
            assertThat(history).as(area.toString()).hasSize(3);
            assertThat(history.get(0).path("atRegistration").asBoolean()).isTrue();
            assertThat(history.get(0).path("fromWaveId").isNull()).isTrue();
            assertThat(history.get(0).path("targetProfile").path("power").asInt()).isEqualTo(3);
            assertThat(history.get(1).path("fromWaveId").asText()).isEqualTo("w2");
            assertThat(history.get(1).path("rationale").asText())
                    .isEqualTo("Valta j\u00E4\u00E4 kunnille: yhteinen valta ei ole tavoite");
            assertThat(history.get(1).path("targetProfile").path("power").asInt()).isEqualTo(2);
            assertThat(history.get(1).path("targetProfile").path("resources").asInt()).isEqualTo(1);
            assertThat(history.get(1).path("targetProfile").path("trust").asInt()).isEqualTo(3);
            assertThat(history.get(1).path("atRegistration").asBoolean()).isFalse();
            assertThat(history.get(2).path("fromWaveId").asText()).isEqualTo("w3");
            assertThat(history.get(2).path("rationale").isNull()).isTrue();
            assertThat(area.path("targetProfile").path("power").asInt()).as("the latest set").isEqualTo(1);
        }

        // the maturity read model keeps the same history for the path: each wave its own target
        awaitMaturity(later.position());
        TargetProfileHistory history = TargetProfiles.history(
                readModels.getCollection("maturity_areas").find(Filters.eq("_id", "targets/a1")).first(),
                FrameworkCatalog.fromClasspath().get("keast-mandell-2014"));
        List<String> order = List.of("w1", "w2", "w3");
        TargetProfileChoice w1 = history.forWave(order, "w1");
        assertThat(w1.isDefault()).isTrue();
        assertThat(w1.stages().values()).containsOnly(3);
        TargetProfileChoice w2 = history.forWave(order, "w2");
        assertThat(w2.isDefault()).isFalse();
        assertThat(w2.fromWaveId()).isEqualTo("w2");
        assertThat(w2.stages()).containsEntry("power", 2).containsEntry("resources", 1).containsEntry("trust", 3);
        assertThat(w2.rationale()).startsWith("Valta j\u00E4\u00E4");
        assertThat(history.forWave(order, "w3").stages()).containsEntry("power", 1).containsEntry("resources", 3);

        // the dashboard's area page shows each wave's own target, by stage name (power's 1 and 2 are "own power")
        assertThat(dashboardTarget("w1", "power")).isEqualTo("Strateginen yhteistyö ja kumppanuus");
        assertThat(dashboardTarget("w2", "power")).contains("1–2");
        assertThat(dashboardTarget("w2", "resources")).isEqualTo("Yhteistyö");
        assertThat(dashboardTarget("w3", "resources")).isEqualTo("Strateginen yhteistyö ja kumppanuus");
    }

    /** The target cell of one dimension's row in the area page's data table: the cell before the descriptor. */
    private String dashboardTarget(String waveId, String dimension) {
        ApiClient.Response page = api.get("/ui/studies/targets/areas/a1?waveId=" + waveId);
        ok(page, 200);
        Matcher row = Pattern.compile("<tr data-dimension=\"" + dimension + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page.body());
        assertThat(row.find()).as(page.body()).isTrue();
        Matcher target = Pattern.compile("<td>([^<]*)</td>\\s*<td class=\"descriptor\">").matcher(row.group(1));
        assertThat(target.find()).as(row.group(1)).isTrue();
        return target.group(1).strip();
    }

    @Test
    void anUnknownWaveAndAnOverlongRationaleAreRefusedByName() {
        refused(() -> api.put(OTHER_AREA + "/target-profile",
                "{\"targetProfile\":{\"power\":2},\"waveId\":\"w9\"}"),
                "waveId");
        refused(() -> api.put(OTHER_AREA + "/target-profile", "{\"targetProfile\":{\"power\":2},\"rationale\":\""
                + "x".repeat(2001) + "\"}"), "rationale");
        refused(() -> api.put(OTHER_AREA + "/target-profile", "{\"targetProfile\":{\"power\":2},\"rationale\":7}"),
                "rationale");
        ok(api.put(OTHER_AREA + "/target-profile", "{\"targetProfile\":{\"power\":2},\"rationale\":\""
                + "x".repeat(2000) + "\"}"), 200);
    }

    /**
     * A revision-1 ScoringPolicySet, as the code before the change threshold wrote it, appended to the event table
     * directly: every reader of the log (the aggregate's directory behind GET study, the maturity projection, the
     * export) reads it with the default threshold.
     */
    @Test
    void aPolicyRecordedBeforeTheChangeThresholdReadsAsTheDefault() throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        append(jdbc, 0, serializer.serialize(new StudyCreated("legacy", "Recorded before", "keast-mandell-2014",
                "1.0.0", null, "admin"), byte[].class));
        long position = append(jdbc, 1, ScoringPolicySet.class.getName(), "1", """
                {"studyId":"legacy","minimumN":4,"interviewsWeight":1.0,"selfAssessmentsWeight":2.0,\
                "divergenceThreshold":0.5}""".getBytes(StandardCharsets.UTF_8));

        DomainEventMessage<?> read = engine.readEvents("legacy", 1).asStream().findFirst().orElseThrow();
        assertThat(read.getPayload()).isEqualTo(new ScoringPolicySet("legacy", 4, 1.0, 2.0, 0.5, 0.25));

        JsonNode policy = api.get("/api/v1/studies/legacy").json().path("scoringPolicy");
        assertThat(policy.path("changeThreshold").asDouble()).as(policy.toString()).isEqualTo(0.25);
        assertThat(policy.path("minimumN").asInt()).isEqualTo(4);

        awaitMaturity(position);
        assertThat(maturityStudy("legacy").get("policy", Document.class).getDouble("changeThreshold"))
                .isEqualTo(0.25);

        JsonNode manifest = JSON.readTree(exportFile("/api/v1/studies/legacy/export", "manifest.json"));
        assertThat(manifest.path("scoringPolicy").path("changeThreshold").asDouble()).as(manifest.toString())
                .isEqualTo(0.25);
        assertThat(exportFile("/api/v1/studies/legacy/export", "README.md")).contains("change threshold 0.25");
    }

    private long append(JdbcTemplate jdbc, long sequence, SerializedObject<byte[]> payload) {
        return append(jdbc, sequence, payload.getType().getName(), payload.getType().getRevision(),
                payload.getData());
    }

    private long append(JdbcTemplate jdbc, long sequence, String type, String revision, byte[] payload) {
        byte[] metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?,?,?,?,?,?,?,?,?)",
                "legacy", sequence, "Study", id, metaData, payload, revision, type, Instant.now().toString());
        return jdbc.queryForObject("SELECT globalIndex FROM domainevententry WHERE eventIdentifier = ?", Long.class,
                id);
    }

    private String exportFile(String path, String name) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the export");
    }

    /** Waits (through the API's own read-your-writes) until the maturity projection has handled the position. */
    private void awaitMaturity(long position) {
        ok(api.get(S + "/reliability?minPosition=" + position), 200);
    }

    private Document maturityStudy(String studyId) {
        return readModels.getCollection("maturity_studies").find(Filters.eq("_id", studyId)).first();
    }

    private void refused(Supplier<ApiClient.Response> request, String field) {
        long before = events.count();
        ApiClient.Response response = request.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).as(response.toString())
                .containsExactly(field);
        assertThat(events.count()).as("nothing recorded").isEqualTo(before);
    }

    private static void ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
