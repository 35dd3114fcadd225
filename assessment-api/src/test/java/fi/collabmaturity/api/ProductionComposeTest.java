package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its wiring is checked by reading it: PostgreSQL with a
 * volume, a health check and synchronous commit for the event log, a MongoDB replica set with a health check for the
 * read models, the app on both (majority writes in MongoDB), Prometheus scraping the app with an admin password,
 * Grafana provisioned with Prometheus and a dashboard of the product's own metrics.
 */
class ProductionComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void wiresPostgresMongoTheAppPrometheusAndGrafana() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("postgres", "mongo", "app", "prometheus", "grafana");

        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertThat(postgres.get("image").toString()).matches("postgres:1[67](\\..*)?");
        List<String> postgresCommand = (List<String>) postgres.get("command");
        assertThat(String.join(" ", postgresCommand)).contains("-c synchronous_commit=on").contains("-c fsync=on");
        assertThat((List<String>) postgres.get("volumes")).contains("postgres-data:/var/lib/postgresql/data");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("postgres-data");
        assertThat(((Map<String, Object>) postgres.get("healthcheck")).get("test").toString()).contains("pg_isready");
        Map<String, String> postgresEnvironment = (Map<String, String>) postgres.get("environment");
        assertThat(postgresEnvironment).containsEntry("POSTGRES_DB", "assessment")
                .containsEntry("POSTGRES_USER", "assessment");
        // the password is never written into the file: compose refuses to start without it
        assertThat(postgresEnvironment.get("POSTGRES_PASSWORD")).startsWith("${ASSESSMENT_POSTGRES_PASSWORD:?");

        Map<String, Object> mongo = (Map<String, Object>) services.get("mongo");
        assertThat((List<String>) mongo.get("command")).contains("--replSet", "rs0");
        assertThat(mongo.get("healthcheck").toString()).contains("rs.initiate").contains("isWritablePrimary");

        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat(((Map<String, Object>) dependsOn.get("mongo")).get("condition")).isEqualTo("service_healthy");
        assertThat(((Map<String, Object>) dependsOn.get("postgres")).get("condition")).isEqualTo("service_healthy");
        Map<String, String> appEnvironment = (Map<String, String>) app.get("environment");
        assertThat(appEnvironment)
                .containsEntry("ASSESSMENT_POSTGRES_URL", "jdbc:postgresql://postgres:5432/assessment")
                .containsEntry("ASSESSMENT_POSTGRES_USER", postgresEnvironment.get("POSTGRES_USER"))
                .containsEntry("ASSESSMENT_POSTGRES_PASSWORD", postgresEnvironment.get("POSTGRES_PASSWORD"));
        String uri = appEnvironment.get("ASSESSMENT_MONGO_URI");
        assertThat(uri).startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0").contains("w=majority")
                .contains("journal=true");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("assessment-api/target/assessment-api.jar");

        Map<String, Object> prometheusConfig = yaml(ROOT.resolve("ops/prometheus/prometheus.yml"));
        Map<String, Object> job = ((List<Map<String, Object>>) prometheusConfig.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(job.get("static_configs").toString()).contains("app:8080");
        assertThat(((Map<String, Object>) job.get("basic_auth")).get("password_file"))
                .isEqualTo("/run/secrets/admin_password");
        assertThat(((Map<String, Object>) services.get("prometheus")).get("secrets").toString())
                .contains("admin_password");

        Map<String, Object> datasource = ((List<Map<String, Object>>) yaml(
                ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0);
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(datasource.get("uid")).isEqualTo("prometheus");
    }

    @Test
    void theDashboardShowsTheProductsMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                ROOT.resolve("ops/grafana/dashboards/collab-maturity.json").toFile());
        List<String> metrics = new ArrayList<>();
        Matcher m = Pattern.compile("assessment_[a-z_]+").matcher(dashboard.toString());
        while (m.find()) {
            metrics.add(m.group());
        }
        assertThat(metrics).contains("assessment_writes_total", "assessment_projection_lag_events",
                "assessment_projection_lag_seconds", "assessment_projection_dead_letters",
                "assessment_export_seconds_sum");
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
            assertThat(panel.path("targets").get(0).path("expr").asText()).isNotBlank();
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        // the event log's connection pool, as Micrometer names Hikari's metrics (the pool is named event-log)
        assertThat(expressions).contains("hikaricp_connections_active{pool=\"event-log\"}",
                "hikaricp_connections_pending{pool=\"event-log\"}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }
}
