package fi.collabmaturity.api.storage;

import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import fi.collabmaturity.api.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The event log, keys and idempotency records on a real PostgreSQL server; the read models embedded. */
@RequiresPostgres
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresEventLogTest extends StorageCombinationContract {

    static final Path DATA = TestData.freshFolder("postgres-event-log");
    static RealPostgres.Database database;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        database = RealPostgres.newDatabase("event_log");
        database.register(registry);
        registry.add("assessment.storage.data-dir", DATA::toString);
        registry.add("assessment.admin-password", () -> PASSWORD);
    }


    @Override
    String eventLogProduct() {
        return "PostgreSQL";
    }

    @Override
    void storedWhereExpected() throws java.sql.SQLException {
        keysAreInTheEventLogDatabase();
        assertThat(DATA.resolve("readmodels.mv.db")).exists();
        assertThat(DATA.resolve("events.mv.db")).as("no embedded event log").doesNotExist();
        assertThat(DATA.resolve("participant-keys.mv.db")).as("no embedded key file").doesNotExist();
    }
}
