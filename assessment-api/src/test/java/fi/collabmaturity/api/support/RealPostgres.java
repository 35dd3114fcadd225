package fi.collabmaturity.api.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The real PostgreSQL server the tests run against, named by the environment that {@code ops/postgres/test-cluster}
 * prints ({@code bash .ci/run} starts one). Each test gets a database of its own, created over JDBC by the ordinary
 * (non-superuser) test role, so the application is tested with the rights it has in production.
 */
public final class RealPostgres {

    static final String URL = "ASSESSMENT_TEST_POSTGRES_URL";
    static final String USER = "ASSESSMENT_TEST_POSTGRES_USER";
    static final String PASSWORD = "ASSESSMENT_TEST_POSTGRES_PASSWORD";

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RealPostgres() {
    }

    /** Whether a server for the tests is configured; without one the PostgreSQL tests are skipped. */
    public static boolean available() {
        String url = System.getenv(URL);
        return url != null && !url.isBlank();
    }

    /** A new empty database owned by the test role; the name is {@code prefix} lowercased plus a random suffix. */
    public static Database newDatabase(String prefix) {
        if (!available()) {
            throw new IllegalStateException(RequiresPostgres.Condition.REASON);
        }
        Database server = new Database(System.getenv(URL), System.getenv(USER), System.getenv(PASSWORD));
        String name = identifier(prefix) + "_" + HexFormat.of().formatHex(randomBytes(6));
        // the name is built from [a-z0-9_] only, so it needs no quoting (CREATE DATABASE takes no parameters)
        execute(server, "CREATE DATABASE " + name);
        return new Database(withDatabase(server.url(), name), server.user(), server.password());
    }

    /** Drops the database, closing connections still open on it; a failure is reported, not thrown. */
    public static void drop(Database database) {
        Database server = new Database(System.getenv(URL), System.getenv(USER), System.getenv(PASSWORD));
        try {
            execute(server, "DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
        } catch (RuntimeException e) {
            System.err.println("could not drop test database " + database.name() + ": " + e.getMessage());
        }
    }

    /** A test database: JDBC url and the test role's credentials. */
    public record Database(String url, String user, String password) {

        /** The database's name, the last part of the url's path. */
        public String name() {
            String rest = url.substring(JDBC_PREFIX.length());
            int query = rest.indexOf('?');
            String path = query < 0 ? rest : rest.substring(0, query);
            return path.substring(path.indexOf('/') + 1);
        }

        /** The application's switch to this database, for a child process's environment. */
        public Map<String, String> environment() {
            return Map.of("ASSESSMENT_POSTGRES_URL", url, "ASSESSMENT_POSTGRES_USER", user,
                    "ASSESSMENT_POSTGRES_PASSWORD", password);
        }

        /** The same switch as Spring properties, for a test's {@code @DynamicPropertySource}. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("assessment.storage.postgres-url", this::url);
            registry.add("assessment.storage.postgres-user", this::user);
            registry.add("assessment.storage.postgres-password", this::password);
        }

        /** A connection as the test role (the caller closes it). */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public String toString() {
            // never the password: this may end up in a test report
            return "Database[" + url + " as " + user + "]";
        }
    }

    private static void execute(Database server, String sql) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + server.url() + " failed: " + e.getMessage(), e);
        }
    }

    /** The prefix as the start of an unquoted PostgreSQL identifier: lowercase letters, digits and underscores. */
    static String identifier(String prefix) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "t_" + cleaned;
        }
        // 63 bytes is PostgreSQL's limit; the suffix takes 13
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    /** The url with its database replaced, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        if (!url.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException(URL + " is not a PostgreSQL JDBC url: " + url);
        }
        int slash = url.indexOf('/', JDBC_PREFIX.length());
        int query = url.indexOf('?', JDBC_PREFIX.length());
        String hostPort = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
        String parameters = query < 0 ? "" : url.substring(query);
        return hostPort + "/" + database + parameters;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
