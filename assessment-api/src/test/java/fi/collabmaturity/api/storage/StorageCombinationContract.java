package fi.collabmaturity.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.export.ExportZip;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.storage.keys.JdbcParticipantKeyStore;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.SliceScenario;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every combination of the two storage switches must do, over real HTTP: the slice to the last decimal, a
 * spreadsheet import that is all or nothing, read-your-writes at the global index, and an export whose bytes
 * {@code asOf} its position are the bytes of the head. Each subclass is one combination, started as a whole
 * application; the embedded default's own test is {@code EmbeddedSliceTest}. Each subclass's context is closed
 * right after it ({@code @DirtiesContext}), while the servers it uses still run: closed at the JVM's exit, after
 * they had stopped, it held the exit up for the drivers' 30-second timeouts.
 */
@AutoConfigureObservability
abstract class StorageCombinationContract {

    static final String PASSWORD = "storage-admin";

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoDatabase readModels;
    @Autowired
    EventLogPositions positions;
    @Autowired
    StorageProperties storage;
    @Autowired
    JdbcParticipantKeyStore keys;

    ApiClient api() {
        return new ApiClient(port, "admin", PASSWORD);
    }

    @Test
    void runsTheSlice() {
        ApiClient api = api();
        long position = SliceScenario.record(api, "slice");
        ApiClient.Response profile = api.get("/api/v1/studies/slice/areas/lapland-hyte/profile?waveId=w2023"
                + "&minPosition=" + position);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        SliceScenario.assertProfile(profile.json());
        assertThat(profile.json().path("asOf").path("position").asLong()).isEqualTo(position);
        assertThat(readModels.getCollection("maturity_profiles").countDocuments()).isPositive();
        assertThat(readModels.listCollectionNames()).doesNotContain("domainevents");
    }

    @Test
    void importsASpreadsheetAllTogether() {
        ApiClient api = api();
        SliceScenario.record(api, "import");
        String csv = "\uFEFFareaId;waveId;pseudonym;organisationType;actorLevel;trust;goals\r\n"
                + "lapland-hyte;w2023;M-1;municipality;leadership;2,5;2\r\n"
                + "lapland-hyte;w2023;M-2;ngo;operations;1,5;\r\n";
        ApiClient.Response imported = api.upload("/api/v1/studies/import/self-assessments/import", "m.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        ApiClient.Response listed = api.get("/api/v1/studies/import/self-assessments?size=100&minPosition="
                + imported.position());
        assertThat(listed.body()).contains("\"M-1\"", "\"M-2\"");
        long head = positions.head();
        String bad = csv.replace("M-2;ngo", "M-2;nobody");
        assertThat(api.upload("/api/v1/studies/import/self-assessments/import", "m.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(positions.head()).as("a refused import appends nothing").isEqualTo(head);
    }

    @Test
    void exportsTheSameBytesAsOfItsPosition() throws Exception {
        ApiClient api = api();
        long last = SliceScenario.record(api, "export");
        assertThat(positions.head()).isEqualTo(last);
        ExportZip zip = ExportZip.get(port, "admin", PASSWORD, "/api/v1/studies/export/export");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        JsonNode manifest = new ObjectMapper().readTree(zip.file("manifest.json"));
        assertThat(manifest.path("positionKind").asText()).isEqualTo("global_index");
        assertThat(manifest.path("eventPosition").asLong()).isEqualTo(last);
        // the slice's trust: answers 2.0, 2.0, 2.5 (see SliceScenario)
        assertThat(zip.file("scores_long.csv")).contains(",lapland-hyte,21,hyte,trust,self_assessments,3,2.167,0.289,"
                + "1.450,2.884,,,sufficient,keast-mandell-2014,1.1.0\n");
        // later writes elsewhere do not change what the export of that position holds
        SliceScenario.record(api, "export-later");
        assertThat(ExportZip.get(port, "admin", PASSWORD, "/api/v1/studies/export/export?asOf=" + last).bytes())
                .isEqualTo(zip.bytes());
    }

    @Test
    void keepsTheEventsTokensAndKeysWhereTheSwitchesSay() throws SQLException {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        SliceScenario.record(api(), "where");
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(eventLogProduct());
            assertThat(count(c, "domainevententry")).isPositive().isLessThanOrEqualTo(positions.head());
        }
        assertThat(keys.keyCount()).as("the respondents' keys").isPositive();
        assertThat(readModels.getCollection("trackingtokens").countDocuments()).isPositive();
        assertThat(readModels.getCollection("maturity_profiles").countDocuments()).isPositive();
        storedWhereExpected();
    }

    /** Readiness includes the event log's store; the pool's metrics are published for Prometheus. */
    @Test
    void reportsTheEventLogInReadinessAndItsPoolInTheMetrics() {
        ApiClient.Response readiness = api().get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        JsonNode eventLog = readiness.json().path("components").path("eventLog");
        assertThat(eventLog.path("status").asText()).isEqualTo("UP");
        assertThat(eventLog.path("details").path("store").asText())
                .isEqualTo(storage.embeddedEventLog() ? "h2" : "postgresql");
        assertThat(readiness.json().path("components").path("readModelStore").path("status").asText())
                .isEqualTo("UP");
        String metrics = api().get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("hikaricp_connections_active\\{[^}]*pool=\"event-log\"")
                .containsPattern("hikaricp_connections_pending\\{[^}]*pool=\"event-log\"")
                .containsPattern("hikaricp_connections_max\\{[^}]*pool=\"event-log\"[^}]*} 16");
    }

    /** The product the event log's DataSource reports: "H2" or "PostgreSQL". */
    abstract String eventLogProduct();

    /** What else this combination leaves (or does not leave) in the data folder and the event log's database. */
    abstract void storedWhereExpected() throws SQLException;

    /** On PostgreSQL the keys are a table of the event log's database. */
    void keysAreInTheEventLogDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "participant_keys")).isEqualTo(keys.keyCount());
            assertThat(count(c, "idempotency_keys")).as("the idempotency table is there too").isNotNegative();
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
