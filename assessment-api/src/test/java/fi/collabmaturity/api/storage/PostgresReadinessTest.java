package fi.collabmaturity.api.storage;

import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the PostgreSQL server: when the event log's database refuses connections the instance reports
 * itself out of service (so a load balancer stops sending it writes), and ready again once the database is back.
 */
@RequiresPostgres
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresReadinessTest {

    static RealPostgres.Database database;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        database = RealPostgres.newDatabase("readiness");
        database.register(registry);
        registry.add("assessment.storage.data-dir", () -> TestData.freshFolder("postgres-readiness").toString());
        registry.add("assessment.admin-password", () -> "ready-admin");
    }


    @LocalServerPort
    int port;

    @Test
    void isNotReadyWhileTheEventLogsDatabaseRefusesConnections() throws SQLException, InterruptedException {
        ApiClient anonymous = new ApiClient(port, null, null);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);

        // the database's owner closes it to new connections and ends the application's open ones
        try (Connection c = RealPostgres.server(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name()
                    + "'");
        }
        try {
            ApiClient.Response down = anonymous.get("/actuator/health/readiness");
            assertThat(down.status()).as(down.toString()).isEqualTo(503);
            // DOWN, not OUT_OF_SERVICE: the read-model store still answers and the projections only fall behind, so
            // DOWN is the event log's indicator (its details are for admins, who cannot sign in without it)
            assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
        } finally {
            try (Connection c = RealPostgres.server(); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS true");
            }
        }
        // ready again once the pool has new connections and the processors have caught up after their retry
        int status = 0;
        for (int attempt = 0; attempt < 600 && status != 200; attempt++) {
            status = anonymous.get("/actuator/health/readiness").status();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as("ready again").isEqualTo(200);
    }
}
