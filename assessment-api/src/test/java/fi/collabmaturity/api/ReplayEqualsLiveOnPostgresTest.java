package fi.collabmaturity.api;

import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay equals live with the event log on a real PostgreSQL server (its own data folder for the read models). */
@RequiresPostgres
@DirtiesContext
class ReplayEqualsLiveOnPostgresTest extends ReplayEqualsLiveContract {

    static RealPostgres.Database database;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        database = RealPostgres.newDatabase("replay");
        database.register(registry);
        demoStudyIn(TestData.freshFolder("replay-postgres"), registry);
    }


    @Test
    void readsItsEventsFromPostgres() {
        assertThat(storage.embeddedEventLog()).isFalse();
        assertThat(storage.postgresUrl()).isEqualTo(database.url());
        assertThat(positions.head()).isPositive();
    }
}
