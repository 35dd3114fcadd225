package fi.collabmaturity.api;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.api.storage.EmbeddedMongoServer;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.SliceScenario;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same slice with ASSESSMENT_MONGO_URI set: tokens, dead letters and read models in MongoDB, the events in
 * the embedded H2 file (the event log's switch is apart: ASSESSMENT_POSTGRES_URL). There is no real
 * MongoDB on these machines, so an in-process MongoDB-wire server (mongo-java-server, in memory) stands in for it;
 * the application reaches it through the official driver exactly as it would reach a replica set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoSliceTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final String URI;

    static {
        MONGO.bind("127.0.0.1", 0);
        URI = "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort();
    }

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.mongo-uri", () -> URI);
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "mongo-admin");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    TokenStore tokenStore;

    @Test
    void runsTheSliceOnMongoDb() {
        ApiClient api = new ApiClient(port, "admin", "mongo-admin");
        long position = SliceScenario.record(api, "mongo-study");

        ApiClient.Response profile = api.get(
                "/api/v1/studies/mongo-study/areas/lapland-hyte/profile?waveId=w2023&minPosition=" + position);

        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        SliceScenario.assertProfile(profile.json());
        try (MongoClient client = MongoClients.create(URI)) {
            var database = client.getDatabase("assessment");
            assertThat(database.listCollectionNames()).doesNotContain("domainevents");
            assertThat(database.getCollection("trackingtokens").countDocuments()).isGreaterThanOrEqualTo(2);
            assertThat(database.getCollection("maturity_profiles").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void importsASpreadsheetAllTogetherOnMongoDb() {
        ApiClient api = new ApiClient(port, "admin", "mongo-admin");
        SliceScenario.record(api, "mongo-import");
        String csv = "\uFEFFareaId;waveId;pseudonym;organisationType;actorLevel;trust;goals\r\n"
                + "lapland-hyte;w2023;M-1;municipality;leadership;2,5;2\r\n"
                + "lapland-hyte;w2023;M-2;ngo;operations;1,5;\r\n";
        ApiClient.Response imported = api.upload("/api/v1/studies/mongo-import/self-assessments/import", "m.csv",
                "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        ApiClient.Response listed = api.get("/api/v1/studies/mongo-import/self-assessments?size=100&minPosition="
                + imported.position());
        assertThat(listed.body()).contains("\"M-1\"", "\"M-2\"");
        String bad = csv.replace("M-2;ngo", "M-2;nobody");
        long before = api.get("/api/v1/studies/mongo-import/self-assessments?size=1&minPosition="
                + imported.position()).json().path("totalElements").asLong();
        assertThat(api.upload("/api/v1/studies/mongo-import/self-assessments/import", "m.csv", "text/csv",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/studies/mongo-import/self-assessments?size=1").json().path("totalElements")
                .asLong()).isEqualTo(before);
    }

    @Test
    void startsNoEmbeddedReadModelStore() {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
        assertThat(dataDir.resolve("readmodels.mv.db")).doesNotExist();
        assertThat(dataDir.resolve("events.mv.db")).exists();
    }
}
