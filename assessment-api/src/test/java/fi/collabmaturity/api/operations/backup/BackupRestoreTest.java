package fi.collabmaturity.api.operations.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.api.AssessmentApplication;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.storage.keys.JdbcParticipantKeyStore;
import fi.collabmaturity.api.storage.keys.StoredKey;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.DemoResults;
import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
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
 * restored into a fresh data folder and, on the real PostgreSQL server ({@link OnPostgres}), into a fresh database,
 * each restored application must show the original's results at the original positions. A backup taken by the old
 * MongoDB event log release (test resources {@code backups/}) restores into both. A file with one changed byte, an
 * event log that is not empty and a read-model store that is not empty are refused, and nothing is written.
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
            showsWhatTheOriginalShowed(app, api);

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

    /** Copies of the backup with one byte changed: in the header, a payload, a sequence number, the checksum. */
    private List<Path> corruptCopies(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int[] positions = {
                text.indexOf("\"formatVersion\"") + 2,              // the header
                text.indexOf("\"waveId\":\"w202") + 14,             // a wave id in a payload: still valid JSON
                text.indexOf("\"sequenceNumber\":3") + 17,          // a sequence number
                text.lastIndexOf("\"sha256\":\"") + 20};            // the recorded checksum
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            assertThat(positions[i]).isGreaterThan(20);
            byte[] changed = bytes.clone();
            changed[positions[i]] = (byte) (changed[positions[i]] == '7' ? '8' : '7');
            Path corrupt = work.resolve(name + "-" + i + ".jsonl");
            Files.write(corrupt, changed);
            copies.add(corrupt);
        }
        return copies;
    }

    @Test
    void aChangedByteIsRefusedAndNothingIsWritten() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        List<Path> corruptCopies = corruptCopies("corrupt");
        for (int i = 0; i < corruptCopies.size(); i++) {
            Path corrupt = corruptCopies.get(i);
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
    void aMongoDbReadModelStoreWithCollectionsIsRefused() {
        String database = "occupied";
        try (MongoClient client = MongoClients.create(MONGO_URI)) {
            client.getDatabase(database).getCollection("maturity_profiles").insertOne(new org.bson.Document("x", 1));
        }
        Path target = work.resolve("readmodels-occupied");
        Command restore = command("--restore=" + backup, "--assessment.storage.data-dir=" + target,
                "--assessment.storage.mongo-uri=" + MONGO_URI, "--assessment.storage.database=" + database);
        assertThat(restore.exit()).as(restore.toString()).isEqualTo(1);
        assertThat(restore.err()).startsWith("Refused: ").contains("the MongoDB database " + database)
                .contains("1 documents in the collection maturity_profiles").contains("Nothing was written")
                .doesNotContain("the data folder");
        assertThat(Files.exists(target)).as("no data folder was created").isFalse();
        try (MongoClient client = MongoClients.create(MONGO_URI)) {
            assertThat(client.getDatabase(database).listCollectionNames()).containsExactly("maturity_profiles");
        }
    }

    @Test
    void restoresABackupOfTheOldMongoDbEventLogIntoADataFolder() throws IOException {
        Path restored = work.resolve("restored-old-mongo");
        restoreTheOldMongoDbBackup(() -> JdbcEventLogStore.existing(restored), restored);
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

    static final String OLD_BACKUP = "mongo-era";

    /** A file of the old MongoDB event log's backup in the test resources ({@code backups/README.md}). */
    private static Path oldBackup(String suffix) {
        try {
            return Path.of(BackupRestoreTest.class.getResource("/backups/" + OLD_BACKUP + suffix).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Restores the old MongoDB event log's backup with its keys through the command, into the data folder
     * {@code dataDir} or, with {@code eventLog}'s switch, into PostgreSQL (the read models in {@code dataDir}), and
     * checks the result: the events renumbered 1..n in the file's order and otherwise as they were, the keys as in
     * the keys file, and the restored application showing the profile and the self-assessments the old release
     * showed.
     */
    private static void restoreTheOldMongoDbBackup(java.util.function.Supplier<JdbcEventLogStore> restoredLog,
                                                   Path dataDir, String... eventLog) throws IOException {
        Path file = oldBackup(".jsonl");
        Path keysFile = oldBackup(".keys.jsonl");
        List<StoredEvent> inFile = new ArrayList<>();
        ChecksummedJsonLines.Read read = ChecksummedJsonLines.read(file, BackupRestore.EVENTS_FORMAT,
                (number, json) -> inFile.add(EventLines.decode(json)));
        assertThat(read.header().path("positions").asText()).as("a backup of the MongoDB event log")
                .isEqualTo("event_time_epoch_ms");
        assertThat(inFile).hasSize(10).allSatisfy(e -> assertThat(e.globalIndex()).isNull());
        List<StoredKey> keysInFile = BackupRestore.readKeys(keysFile);
        assertThat(keysInFile).hasSize(3);

        List<String> args = new ArrayList<>(List.of("--restore=" + file, "--keys=" + keysFile,
                "--assessment.storage.data-dir=" + dataDir));
        args.addAll(List.of(eventLog));
        Command restore = command(args.toArray(String[]::new));
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("Restored 10 events").contains("Restored 3 participant keys");
        try (JdbcEventLogStore store = restoredLog.get()) {
            List<StoredEvent> events = events(store);
            assertThat(events).extracting(StoredEvent::globalIndex)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, inFile.size()).boxed().toList());
            assertThat(events.stream().map(e -> e.withGlobalIndex(null)).toList())
                    .as("the same events in the file's order").isEqualTo(inFile);
            assertThat(store.keys().exportKeys()).isEqualTo(keysInFile);
        }

        JsonNode expectedProfile = withoutPosition(ChecksummedJsonLines.JSON.readTree(
                oldBackup(".profile.json").toFile()));
        JsonNode expectedSelfAssessments = ChecksummedJsonLines.JSON.readTree(
                oldBackup(".self-assessments.json").toFile());
        try (ConfigurableApplicationContext app = start(dataDir, "not-the-restored-password", eventLog)) {
            assertThat(app.getBean(EventLogPositions.class).head()).isEqualTo(inFile.size());
            awaitProjections(app, inFile.size());
            // the old release's admin account and password came along with the events
            ApiClient api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort(), "admin",
                    "mongo-admin");
            String study = "/api/v1/studies/" + OLD_BACKUP;
            JsonNode profile = DemoResults.ok(api.get(study + "/areas/lapland-hyte/profile?waveId=w2023&minPosition="
                    + inFile.size()));
            SliceScenario.assertProfile(profile);
            assertThat(profile.path("asOf").path("position").asLong()).isEqualTo(inFile.size());
            assertThat(withoutPosition(profile)).isEqualTo(expectedProfile);
            assertThat(DemoResults.ok(api.get(study + "/self-assessments?size=100")))
                    .as("pseudonyms readable: the keys travelled").isEqualTo(expectedSelfAssessments);

            ApiClient.Response write = api.post("/api/v1/studies", Slice.study("after-old-restore"));
            assertThat(write.status()).as(write.toString()).isEqualTo(201);
            assertThat(write.position()).isEqualTo(inFile.size() + 1);
        }
    }

    /** A response without its {@code asOf.position} (a time in milliseconds on the old MongoDB event log). */
    private static JsonNode withoutPosition(JsonNode response) {
        ObjectNode copy = response.deepCopy();
        ((ObjectNode) copy.path("asOf")).remove("position");
        return copy;
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
    /** Every result, the interviews and self-assessments (keys restored), the audit trail and the export. */
    private void showsWhatTheOriginalShowed(ConfigurableApplicationContext app, ApiClient api) {
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
    }

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

    /**
     * The same on the real PostgreSQL server: the event log (with the keys) in a database of its own for each test,
     * the read models in a fresh data folder beside it.
     */
    @Nested
    @RequiresPostgres
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres {

        final List<RealPostgres.Database> databases = new ArrayList<>();

        RealPostgres.Database database(String prefix) {
            RealPostgres.Database database = RealPostgres.newDatabase(prefix);
            databases.add(database);
            return database;
        }

        @AfterAll
        void dropTheDatabases() {
            databases.forEach(RealPostgres::drop);
        }

        @Test
        void restoresWithEveryPositionAndKeyAndBacksUpToTheSameFileAndBackIntoADataFolder() throws IOException {
            RealPostgres.Database db = database("backup_roundtrip");
            Command restore = command(with(postgres(db), "--restore=" + backup, "--keys=" + keys,
                    "--assessment.storage.data-dir=" + work.resolve("pg-roundtrip-data")));
            assertThat(restore.exit()).as(restore.toString()).isZero();
            assertThat(restore.out()).contains("Restored " + originalEvents.size() + " events")
                    .contains("into the PostgreSQL database " + db.url())
                    .contains("Restored " + originalKeys.size() + " participant keys");
            try (JdbcEventLogStore store = open(db)) {
                assertThat(events(store)).as("the same events, bytes, order and positions (with the gap)")
                        .isEqualTo(originalEvents);
                assertThat(store.keys().exportKeys()).isEqualTo(originalKeys);
                assertThat(store.contents()).contains(originalEvents.size() + " events in domainevententry",
                        originalKeys.size() + " participant keys in participant_keys");
            }
            assertThat(globalIndexSequence(db)).as("the next event continues after the highest").isEqualTo(head);

            // --backup from PostgreSQL: the same file, and the same keys
            Path fromPostgres = work.resolve("from-postgres.jsonl");
            Path fromPostgresKeys = work.resolve("from-postgres.keys.jsonl");
            Command out = command(with(postgres(db), "--backup=" + fromPostgres,
                    "--include-keys=" + fromPostgresKeys));
            assertThat(out.exit()).as(out.toString()).isZero();
            assertThat(out.out()).contains("Backed up " + originalEvents.size() + " events of the PostgreSQL database");
            assertThat(Files.readAllBytes(fromPostgres)).isEqualTo(Files.readAllBytes(backup));
            assertThat(BackupRestore.readKeys(fromPostgresKeys)).isEqualTo(originalKeys);

            // and back into the embedded default: every global index and key as in the original
            Path back = work.resolve("back-from-postgres");
            Command into = command("--restore=" + fromPostgres, "--keys=" + fromPostgresKeys,
                    "--assessment.storage.data-dir=" + back);
            assertThat(into.exit()).as(into.toString()).isZero();
            try (JdbcEventLogStore store = JdbcEventLogStore.existing(back)) {
                assertThat(events(store)).isEqualTo(originalEvents);
                assertThat(store.keys().exportKeys()).isEqualTo(originalKeys);
            }
        }

        @Test
        void theRestoredApplicationOnPostgresShowsTheSameResults() throws IOException {
            RealPostgres.Database db = database("backup_app");
            Path readModels = work.resolve("pg-app-data");
            Command restore = command(with(postgres(db), "--restore=" + backup, "--keys=" + keys,
                    "--assessment.storage.data-dir=" + readModels));
            assertThat(restore.exit()).as(restore.toString()).isZero();

            try (ConfigurableApplicationContext app = start(readModels, "not-the-restored-password", postgres(db))) {
                assertThat(app.getBean(EventLogPositions.class).head()).isEqualTo(head);
                awaitProjections(app, head);
                ApiClient api = client(app);
                showsWhatTheOriginalShowed(app, api);

                // the online backup reads PostgreSQL through the application's pool: the same file
                HttpResponse<byte[]> onlineFromPostgres = get(app, "/api/v1/admin/backup", "admin", PASSWORD);
                assertThat(onlineFromPostgres.statusCode()).isEqualTo(200);
                assertThat(onlineFromPostgres.body()).isEqualTo(Files.readAllBytes(backup));

                ApiClient.Response write = api.post("/api/v1/studies", Slice.study("after-restore"));
                assertThat(write.status()).as(write.toString()).isEqualTo(201);
                assertThat(write.position()).isEqualTo(head + 1);
            }
        }

        @Test
        void aChangedByteOrAFailedWriteLeavesNothingInTheDatabase() throws IOException, SQLException {
            RealPostgres.Database db = database("backup_corrupt");
            for (Path corrupt : corruptCopies("pg-corrupt")) {
                Command refused = command(with(postgres(db), "--restore=" + corrupt,
                        "--assessment.storage.data-dir=" + work.resolve("pg-corrupt-data")));
                assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
                assertThat(refused.err()).startsWith("Refused: ").contains("nothing was written");
                assertThat(tables(db)).as("no table was created").isEmpty();
            }

            // a keys file that passes every check but one key the database cannot take (its participant reference
            // is longer than the column): the events were written already, and are undone with the tables
            Path badKeys = work.resolve("too-long.keys.jsonl");
            try (ChecksummedJsonLines.Writer out = new ChecksummedJsonLines.Writer(badKeys, BackupRestore.KEYS_FORMAT,
                    ChecksummedJsonLines.JSON.createObjectNode())) {
                originalKeys.forEach(k -> out.line(BackupRestore.encode(k)));
                out.line(BackupRestore.encode(new StoredKey("p".repeat(40), "lapland-demo", "TOO-LONG",
                        new byte[32])));
                out.finish();
            }
            Command failed = command(with(postgres(db), "--restore=" + backup, "--keys=" + badKeys,
                    "--assessment.storage.data-dir=" + work.resolve("pg-corrupt-data")));
            assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).contains("p".repeat(40));
            assertThat(tables(db)).as("neither events nor keys nor their tables").isEmpty();
            assertThat(Files.exists(work.resolve("pg-corrupt-data"))).isFalse();
        }

        @Test
        void aDatabaseThatIsNotEmptyIsRefusedWithoutShowingThePassword() throws IOException, SQLException {
            RealPostgres.Database db = database("backup_occupied");
            // the password in the url, where the driver also takes it: no message may show it
            String[] storage = {"--assessment.storage.postgres-url=" + db.url() + "?password=" + db.password(),
                    "--assessment.storage.postgres-user=" + db.user(),
                    "--assessment.storage.data-dir=" + work.resolve("pg-occupied-data")};
            Command noLog = command(with(storage, "--backup=" + work.resolve("pg-nothing.jsonl")));
            assertThat(noLog.exit()).as(noLog.toString()).isEqualTo(1);
            assertThat(noLog.err()).contains("there is no event log in the PostgreSQL database " + db.url())
                    .doesNotContain(db.password());

            Command first = command(with(storage, "--restore=" + oldBackup(".jsonl"),
                    "--keys=" + oldBackup(".keys.jsonl")));
            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(first.out()).doesNotContain(db.password());
            Command second = command(with(storage, "--restore=" + backup, "--keys=" + keys));
            assertThat(second.exit()).as(second.toString()).isEqualTo(1);
            assertThat(second.err()).startsWith("Refused: the PostgreSQL database " + db.url() + " is not empty")
                    .contains("10 events in domainevententry").contains("3 participant keys in participant_keys")
                    .contains("Nothing was written").doesNotContain(db.password());
            try (JdbcEventLogStore store = open(db)) {
                assertThat(events(store)).hasSize(10);
            }
        }

        @Test
        void aMongoDbReadModelStoreWithCollectionsIsRefusedAndNothingIsWritten() throws SQLException {
            RealPostgres.Database db = database("backup_mongo_occupied");
            String mongoDatabase = "occupied-beside-postgres";
            try (MongoClient client = MongoClients.create(MONGO_URI)) {
                client.getDatabase(mongoDatabase).getCollection("trackingtokens")
                        .insertOne(new org.bson.Document("processorName", "profiles"));
            }
            Command refused = command(with(postgres(db), "--restore=" + backup, "--keys=" + keys,
                    "--assessment.storage.mongo-uri=" + MONGO_URI, "--assessment.storage.database=" + mongoDatabase));
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("the MongoDB database " + mongoDatabase)
                    .contains("1 documents in the collection trackingtokens").contains("Nothing was written")
                    .doesNotContain("PostgreSQL database " + db.url() + " is not empty");
            assertThat(tables(db)).isEmpty();
        }

        @Test
        void restoresABackupOfTheOldMongoDbEventLog() throws IOException {
            RealPostgres.Database db = database("backup_old_mongo");
            Path readModels = work.resolve("pg-old-mongo-data");
            restoreTheOldMongoDbBackup(() -> open(db), readModels, postgres(db));
        }
    }

    /** The command-line switch to a PostgreSQL event log. */
    private static String[] postgres(RealPostgres.Database db) {
        return new String[]{"--assessment.storage.postgres-url=" + db.url(),
                "--assessment.storage.postgres-user=" + db.user(),
                "--assessment.storage.postgres-password=" + db.password()};
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static JdbcEventLogStore open(RealPostgres.Database db) {
        return JdbcEventLogStore.existingPostgres(db.url(), db.user(), db.password());
    }

    /** The tables in the database's public schema. */
    private static List<String> tables(RealPostgres.Database db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The last value the global index sequence handed out (or was set to). */
    private static long globalIndexSequence(RealPostgres.Database db) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT last_value FROM domainevententry_globalindex_seq")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
