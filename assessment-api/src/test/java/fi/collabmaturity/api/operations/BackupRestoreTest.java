package fi.collabmaturity.api.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.api.AssessmentApplication;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.storage.EventLogPositions;
import fi.collabmaturity.api.storage.JdbcParticipantKeyStore;
import fi.collabmaturity.api.storage.StoredKey;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.DemoResults;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore of a realistic study (the demo study: three waves, four areas, double-coded interviews,
 * self-assessments with comments, structural evidence, plus an erasure), through the application's own command:
 * restored into a fresh data folder (with the participant keys) and into MongoDB (without them), each restored
 * application must show the original's results. A file with one changed byte and a target that is not empty are
 * refused, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest {

    static final String PASSWORD = "backup-admin";
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final String MONGO_URI;

    static {
        MONGO.bind("127.0.0.1", 0);
        MONGO_URI = "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort();
    }

    final Path work = TestData.freshFolder("backup");
    final Path original = work.resolve("original");
    final Path backup = work.resolve("lapland.jsonl");
    final Path keys = work.resolve("lapland.keys.jsonl");

    long head;
    Map<String, JsonNode> results;
    JsonNode interviews;
    JsonNode selfAssessments;
    JsonNode audit;
    byte[] export;
    HttpResponse<byte[]> online;
    String erasedParticipant;
    List<StoredEvent> originalEvents;
    List<StoredKey> originalKeys;

    @BeforeAll
    void recordTheDemoStudyAndBackItUp() throws SQLException {
        try (ConfigurableApplicationContext app = start(original, null, "--assessment.demo=true")) {
            ApiClient api = client(app);
            assertThat(api.post("/api/v1/accounts", "{\"username\":\"rita\",\"password\":\"rita-secret-1\","
                    + "\"roles\":[\"RESEARCHER\"]}").status()).isEqualTo(201);
            // a gap in the global index, as a rolled-back append leaves one: positions must survive the restore
            try (Connection c = app.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE domainevententry ALTER COLUMN globalIndex RESTART WITH "
                        + (app.getBean(EventLogPositions.class).head() + 6));
            }
            // an erasure as well: the erased participant's key must not travel, their data stays unreadable
            String pseudonym = DemoResults.ok(api.get(DemoResults.STUDY + "/interviews?size=1&minPosition="
                    + app.getBean(EventLogPositions.class).head())).path("content").get(0).path("informant")
                    .path("pseudonym").asText();
            ApiClient.Response erased = api.post(DemoResults.STUDY + "/participants/" + pseudonym + "/erasure", "");
            assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
            erasedParticipant = erased.json().path("participant").asText();
            head = app.getBean(EventLogPositions.class).head();
            awaitProjections(app, head);
            results = DemoResults.collect(api, 0);
            interviews = DemoResults.ok(api.get(DemoResults.STUDY + "/interviews?size=500"));
            selfAssessments = DemoResults.ok(api.get(DemoResults.STUDY + "/self-assessments?size=500"));
            audit = allAudit(api);
            export = exportBytes(app);
            online = get(app, "/api/v1/admin/backup", "admin", PASSWORD);
            assertThat(online.statusCode()).isEqualTo(200);
            assertThat(online.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
            assertThat(get(app, "/api/v1/admin/backup", "admin", "wrong").statusCode()).isEqualTo(401);
            assertThat(get(app, "/api/v1/admin/backup", "rita", "rita-secret-1").statusCode()).isEqualTo(403);
        }
        assertThat(results.get("/profile/hyte/w2025").path("overall").path("score").isNumber()).isTrue();
        assertThat(interviews.path("totalElements").asInt()).isPositive();
        assertThat(audit.path("totalElements").asInt()).isGreaterThan(100);

        Command backedUp = command("--backup=" + backup, "--include-keys", "--assessment.storage.data-dir=" + original);
        assertThat(backedUp.exit()).as(backedUp.toString()).isZero();
        assertThat(backedUp.out()).contains("PROTECT THAT FILE");
        try (JdbcEventLogStore store = JdbcEventLogStore.existing(original)) {
            originalEvents = events(store);
            originalKeys = store.keys().exportKeys();
        }
    }

    @AfterAll
    void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void theBackupHoldsEveryEventAsStoredWithAChecksumAndTheKeysApart() throws IOException {
        assertThat(originalEvents).hasSizeGreaterThan(500);
        assertThat(originalEvents.get(originalEvents.size() - 1).globalIndex()).isEqualTo(head);
        assertThat(head).as("the log has a gap").isEqualTo(originalEvents.size() + 5);
        List<String> lines = Files.readAllLines(backup, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(originalEvents.size() + 2);
        JsonNode first = ChecksummedJsonLines.JSON.readTree(lines.get(1));
        assertThat(first.path("payload").isObject()).as("the payload is JSON, not a string").isTrue();
        assertThat(first.path("metaData").path("username").asText()).isEqualTo("system");
        for (int i = 0; i < originalEvents.size(); i++) {
            assertThat(EventLines.decode(lines.get(i + 1))).isEqualTo(originalEvents.get(i));
        }
        JsonNode end = ChecksummedJsonLines.JSON.readTree(lines.get(lines.size() - 1));
        assertThat(end.path("lines").asLong()).isEqualTo(originalEvents.size());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

        // the keys: every participant's but the erased one's, in a file of their own, owner-readable only
        assertThat(originalKeys).isNotEmpty();
        List<StoredKey> backedUpKeys = BackupRestore.readKeys(keys);
        assertThat(backedUpKeys).isEqualTo(originalKeys);
        assertThat(Files.readString(keys)).doesNotContain(erasedParticipant);
        assertThat(Files.readString(backup)).as("no key in the event backup")
                .doesNotContain(Base64.getEncoder().encodeToString(originalKeys.get(0).key()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");

        // the same store backs up to the same bytes
        Path again = work.resolve("again.jsonl");
        assertThat(command("--backup=" + again, "--assessment.storage.data-dir=" + original).exit()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(backup));
        assertThat(Files.exists(work.resolve("again.keys.jsonl"))).as("keys only when asked for").isFalse();
    }

    @Test
    void theOnlineBackupIsTheSameFileWhileTheApplicationRuns() throws IOException {
        // the same store, the same bytes: taken online at the end, and offline after the stop
        assertThat(online.body()).isEqualTo(Files.readAllBytes(backup));
        Path file = work.resolve("online.jsonl");
        Files.write(file, online.body());
        Command restore = command("--restore=" + file, "--assessment.storage.data-dir=" + work.resolve("from-online"));
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("Restored " + originalEvents.size() + " events");
    }

    @Test
    void restoresIntoAFreshDataFolderWithTheSameResults() throws IOException {
        Path restored = work.resolve("restored-embedded");
        Command restore = command("--restore=" + backup, "--keys=" + keys, "--assessment.storage.data-dir=" + restored);
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("Restored " + originalEvents.size() + " events")
                .contains("Restored " + originalKeys.size() + " participant keys");

        try (JdbcEventLogStore store = JdbcEventLogStore.existing(restored)) {
            assertThat(events(store)).as("the same events, bytes, order and positions").isEqualTo(originalEvents);
            assertThat(store.keys().exportKeys()).isEqualTo(originalKeys);
        }
        Path second = work.resolve("restored-embedded.jsonl");
        assertThat(command("--backup=" + second, "--assessment.storage.data-dir=" + restored).exit()).isZero();
        assertThat(Files.readAllBytes(second)).as("backing up the restored store").isEqualTo(Files.readAllBytes(backup));

        try (ConfigurableApplicationContext app = start(restored, "not-the-restored-password")) {
            assertThat(app.getBean(EventLogPositions.class).head()).isEqualTo(head);
            awaitProjections(app, head);
            ApiClient api = client(app);
            assertThat(api.as("admin", "not-the-restored-password").get("/api/v1/studies").status())
                    .as("the admin account is the restored one").isEqualTo(401);
            Map<String, JsonNode> restoredResults = DemoResults.collect(api, 0);
            assertThat(restoredResults.keySet()).isEqualTo(results.keySet());
            for (String key : results.keySet()) {
                assertThat(restoredResults.get(key)).as(key).isEqualTo(results.get(key));
            }
            assertThat(DemoResults.ok(api.get(DemoResults.STUDY + "/interviews?size=500")))
                    .as("excerpts and informants readable: the keys travelled").isEqualTo(interviews);
            assertThat(DemoResults.ok(api.get(DemoResults.STUDY + "/self-assessments?size=500")))
                    .isEqualTo(selfAssessments);
            assertThat(allAudit(api)).isEqualTo(audit);
            assertThat(exportBytes(app)).as("the export archive, byte for byte").isEqualTo(export);

            // the restored log goes on: the next event takes the next position
            ApiClient.Response write = api.post("/api/v1/studies", Slice.study("after-restore"));
            assertThat(write.status()).as(write.toString()).isEqualTo(201);
            assertThat(write.position()).isEqualTo(head + 1);

            // and so do the respondents' answers: one already recorded is not taken a second time
            String recorded = "sa-hyte-w2025-000";
            String pseudonym = DemoResults.ok(api.get(DemoResults.STUDY + "/self-assessments/" + recorded))
                    .path("respondent").path("pseudonym").asText();
            ApiClient.Response again = api.post(DemoResults.STUDY + "/self-assessments",
                    Slice.selfAssessment("hyte", "w2025", pseudonym, "{\"trust\":2}"));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.json().path("duplicateOf").asText()).isEqualTo(recorded);
        }
    }

    @Test
    void aChangedByteIsRefusedAndNothingIsWritten() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int[] positions = {
                text.indexOf("\"formatVersion\"") + 2,              // the header
                text.indexOf("\"waveId\":\"w202") + 14,             // a wave id in a payload: still valid JSON
                text.indexOf("\"sequenceNumber\":3") + 17,          // a sequence number
                text.lastIndexOf("\"sha256\":\"") + 20};            // the recorded checksum
        for (int i = 0; i < positions.length; i++) {
            assertThat(positions[i]).isGreaterThan(20);
            byte[] changed = bytes.clone();
            changed[positions[i]] = (byte) (changed[positions[i]] == '7' ? '8' : '7');
            Path corrupt = work.resolve("corrupt-" + i + ".jsonl");
            Files.write(corrupt, changed);

            Path target = work.resolve("corrupt-target-" + i);
            Command embedded = command("--restore=" + corrupt, "--assessment.storage.data-dir=" + target);
            assertThat(embedded.exit()).as(embedded.toString()).isEqualTo(1);
            assertThat(embedded.err()).startsWith("Refused: ").contains("nothing was written");
            assertThat(Files.exists(target)).as("no data folder was even created").isFalse();
        }
        // the sidecar catches a change as well, and a keys file is checked like the events
        Path copy = work.resolve("copy.jsonl");
        Files.write(copy, bytes);
        Files.writeString(ChecksummedJsonLines.sidecar(copy), "0".repeat(64) + "  copy.jsonl\n");
        Command sidecar = command("--restore=" + copy, "--assessment.storage.data-dir=" + work.resolve("t-sidecar"));
        assertThat(sidecar.exit()).isEqualTo(1);
        assertThat(sidecar.err()).contains("does not match");
        byte[] keyBytes = Files.readAllBytes(keys);
        keyBytes[keyBytes.length / 2] ^= 0x01;
        Path corruptKeys = work.resolve("corrupt.keys.jsonl");
        Files.write(corruptKeys, keyBytes);
        Command badKeys = command("--restore=" + backup, "--keys=" + corruptKeys,
                "--assessment.storage.data-dir=" + work.resolve("t-keys"));
        assertThat(badKeys.exit()).as(badKeys.toString()).isEqualTo(1);
        assertThat(Files.exists(work.resolve("t-keys"))).isFalse();
    }

    @Test
    void anOlderKeysFileDoesNotBringAnErasedParticipantBack() {
        // a keys file from before the erasure: it still holds the erased participant's key
        Path older = work.resolve("older.keys.jsonl");
        StoredKey erasedKey = new StoredKey(erasedParticipant, "lapland-demo", "ERASED-BEFORE-RESTORE",
                new byte[32]);
        try (ChecksummedJsonLines.Writer out = new ChecksummedJsonLines.Writer(older, BackupRestore.KEYS_FORMAT,
                ChecksummedJsonLines.JSON.createObjectNode())) {
            originalKeys.forEach(k -> out.line(BackupRestore.encode(k)));
            out.line(BackupRestore.encode(erasedKey));
            out.finish();
        }
        Path target = work.resolve("restored-with-older-keys");
        Command restore = command("--restore=" + backup, "--keys=" + older, "--assessment.storage.data-dir=" + target);
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("Restored " + originalKeys.size() + " participant keys")
                .contains("Left out 1 keys of participants whom the event log records as erased");
        try (JdbcEventLogStore store = JdbcEventLogStore.existing(target)) {
            assertThat(store.keys().exportKeys()).isEqualTo(originalKeys).doesNotContain(erasedKey);
        }
    }

    @Test
    void aTargetThatIsNotEmptyIsRefused() {
        Command intoOriginal = command("--restore=" + backup, "--assessment.storage.data-dir=" + original);
        assertThat(intoOriginal.exit()).as(intoOriginal.toString()).isEqualTo(1);
        assertThat(intoOriginal.err()).contains("is not empty").contains(originalEvents.size() + " events")
                .contains("Nothing was written");
        try (JdbcEventLogStore store = JdbcEventLogStore.existing(original)) {
            assertThat(events(store)).isEqualTo(originalEvents);
        }

        // a folder where the application has run but whose events were removed still has read models
        Path used = work.resolve("used");
        try (ConfigurableApplicationContext app = start(used, "used-admin")) {
            assertThat(app.isRunning()).isTrue();
        }
        Command intoUsed = command("--restore=" + backup, "--assessment.storage.data-dir=" + used);
        assertThat(intoUsed.exit()).isEqualTo(1);
        assertThat(intoUsed.err()).contains("events in events.mv.db").contains("readmodels.mv.db");
    }

    @Test
    void theApplicationJarRunsTheCommandAndExitsWithoutAWebServer() throws Exception {
        Path viaMain = work.resolve("via-main.jsonl");
        Child backedUp = child("--backup=" + viaMain, "--assessment.storage.data-dir=" + original,
                "--server.port=8484");
        assertThat(backedUp.exit()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("Backed up " + originalEvents.size() + " events")
                .doesNotContain("Tomcat").doesNotContain("Started AssessmentApplication");
        assertThat(Files.readAllBytes(viaMain)).isEqualTo(Files.readAllBytes(backup));

        Child refused = child("--restore=" + viaMain, "--assessment.storage.data-dir=" + original);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("Refused: ").contains("is not empty");

        Child usage = child("--backup");
        assertThat(usage.exit()).as(usage.output()).isEqualTo(2);
        assertThat(usage.output()).contains("Usage:");
    }

    /** The study's whole audit trail, page by page, as one page. */
    private static JsonNode allAudit(ApiClient api) {
        ObjectNode all = null;
        for (int page = 0; ; page++) {
            JsonNode next = DemoResults.ok(api.get(DemoResults.STUDY + "/audit?size=500&page=" + page));
            if (all == null) {
                all = next.deepCopy();
            } else {
                ((com.fasterxml.jackson.databind.node.ArrayNode) all.get("content")).addAll(
                        (com.fasterxml.jackson.databind.node.ArrayNode) next.get("content"));
            }
            if (next.path("content").size() < 500) {
                assertThat(all.path("content").size()).isEqualTo(all.path("totalElements").asInt());
                return all;
            }
        }
    }

    /** An audit page's entries without their positions, by event id. */
    private static Map<String, JsonNode> byEventId(JsonNode page) {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        page.path("content").forEach(entry -> {
            ObjectNode copy = entry.deepCopy();
            copy.remove("position");
            out.put(entry.path("eventId").asText(), copy);
        });
        assertThat(out).hasSize(page.path("totalElements").asInt());
        return out;
    }

    private static List<StoredEvent> events(EventLogStore store) {
        List<StoredEvent> out = new ArrayList<>();
        store.read(out::add);
        return out;
    }

    record Command(int exit, String out, String err) {
    }

    private static Command command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OperationsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Command(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Child(int exit, String output) {
    }

    /** The application's main class in a JVM of its own, as {@code java -jar assessment-api.jar ...} runs it. */
    private static Child child(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AssessmentApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the command exits by itself").isTrue();
        return new Child(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext start(Path dataDir, String adminPassword, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--assessment.storage.data-dir=" + dataDir,
                "--assessment.admin-password=" + (adminPassword == null ? PASSWORD : adminPassword)));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(AssessmentApplication.class).run(args.toArray(String[]::new));
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort(), "admin", PASSWORD);
    }

    /**
     * Waits until every processor has handled the log up to {@code position}. Not {@code minPosition}: the log has
     * a gap, and a JDBC processor's token keeps its gaps, which {@code GapAwareTrackingToken.covers} counts against
     * it (see the note on gaps in docs/operations.md); here a processor's position at or past the head is enough.
     */
    private static void awaitProjections(ConfigurableApplicationContext app, long position) {
        ProjectionAdmin projections = app.getBean(ProjectionAdmin.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (String processor : AxonConfiguration.PROCESSORS) {
            while (!reached(projections, processing, processor, position) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
            assertThat(reached(projections, processing, processor, position)).as(processor + " caught up").isTrue();
        }
    }

    private static boolean reached(ProjectionAdmin projections, EventProcessingConfiguration processing,
                                   String processor, long position) {
        if (projections.caughtUp(processor, position)) {
            return true;
        }
        var status = processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values();
        return !status.isEmpty() && status.stream().allMatch(s -> s.getCurrentPosition().isPresent()
                && s.getCurrentPosition().getAsLong() >= position);
    }

    private static byte[] exportBytes(ConfigurableApplicationContext app) {
        HttpResponse<byte[]> response = get(app, DemoResults.STUDY + "/export?include=excerpts", "admin", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<byte[]> get(ConfigurableApplicationContext app, String path, String user,
                                            String password) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
