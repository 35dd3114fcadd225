package fi.collabmaturity.api.support;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL test support itself: separate empty databases, reached as an ordinary role. */
@RequiresPostgres
class RealPostgresTest {

    @Test
    void eachCallGivesAnEmptyDatabaseOfItsOwn() throws SQLException {
        RealPostgres.Database first = RealPostgres.newDatabase("RealPostgresTest");
        RealPostgres.Database second = RealPostgres.newDatabase("RealPostgresTest");
        try {
            assertThat(first.name()).startsWith("realpostgrestest_").isNotEqualTo(second.name());
            assertThat(tables(first)).isZero();
            assertThat(tables(second)).isZero();

            try (Connection c = first.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE only_here (id bigint PRIMARY KEY)");
                s.execute("INSERT INTO only_here VALUES (1)");
            }
            assertThat(tables(first)).isOne();
            assertThat(tables(second)).isZero();
            assertThat(scalar(first, "SELECT current_database()")).isEqualTo(first.name());
            assertThat(scalar(second, "SELECT current_database()")).isEqualTo(second.name());
        } finally {
            RealPostgres.drop(first);
            RealPostgres.drop(second);
        }
        assertThat(exists(first)).isFalse();
        assertThat(exists(second)).isFalse();
    }

    @Test
    void theTestsUseAnOrdinaryRole() throws SQLException {
        RealPostgres.Database database = RealPostgres.newDatabase("RealPostgresTest");
        try {
            assertThat(scalar(database, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            // the database belongs to that role, so the application can create its tables in it
            assertThat(scalar(database, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = current_database()")).isEqualTo(database.user());
        } finally {
            RealPostgres.drop(database);
        }
    }

    @Test
    void theSwitchNamesTheDatabaseForChildProcessesAndSpring() {
        RealPostgres.Database database = new RealPostgres.Database(
                RealPostgres.withDatabase("jdbc:postgresql://127.0.0.1:5999/postgres?ssl=false", "x_1"), "u",
                "pw-secret");
        assertThat(database.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5999/x_1?ssl=false");
        assertThat(database.name()).isEqualTo("x_1");
        assertThat(database.environment()).containsOnly(
                Map.entry("ASSESSMENT_POSTGRES_URL", database.url()), Map.entry("ASSESSMENT_POSTGRES_USER", "u"),
                Map.entry("ASSESSMENT_POSTGRES_PASSWORD", "pw-secret"));
        Map<String, Object> properties = new HashMap<>();
        database.register((String name, Supplier<Object> value) -> properties.put(name, value.get()));
        assertThat(properties).containsOnly(Map.entry("assessment.storage.postgres-url", database.url()),
                Map.entry("assessment.storage.postgres-user", "u"),
                Map.entry("assessment.storage.postgres-password", "pw-secret"));
        assertThat(database.toString()).doesNotContain("pw-secret");
        assertThat(RealPostgres.identifier("9-Lives Test")).isEqualTo("t_9_lives_test");
    }

    private static long tables(RealPostgres.Database database) throws SQLException {
        return Long.parseLong(scalar(database,
                "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"));
    }

    private static boolean exists(RealPostgres.Database database) throws SQLException {
        RealPostgres.Database server = new RealPostgres.Database(System.getenv("ASSESSMENT_TEST_POSTGRES_URL"),
                database.user(), database.password());
        return !scalar(server, "SELECT count(*) FROM pg_database WHERE datname = '" + database.name() + "'")
                .equals("0");
    }

    private static String scalar(RealPostgres.Database database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
