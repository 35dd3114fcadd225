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
 * docker-compose.yml cannot be run here (no Docker engine), so its wiring is checked by reading it: a MongoDB
 * replica set with a health check, the app on it with majority writes, Prometheus scraping the app with an admin
 * password, Grafana provisioned with Prometheus and a dashboard of the product's own metrics.
 */
class ProductionComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void wiresMongoTheAppPrometheusAndGrafana() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("mongo", "app", "prometheus", "grafana");

        Map<String, Object> mongo = (Map<String, Object>) services.get("mongo");
        assertThat((List<String>) mongo.get("command")).contains("--replSet", "rs0");
        assertThat(mongo.get("healthcheck").toString()).contains("rs.initiate").contains("isWritablePrimary");

        Map<String, Object> app = (Map<String, Object>) services.get("app");
        assertThat(((Map<String, Object>) ((Map<String, Object>) app.get("depends_on")).get("mongo"))
                .get("condition")).isEqualTo("service_healthy");
        String uri = ((Map<String, String>) app.get("environment")).get("ASSESSMENT_MONGO_URI");
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
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
            assertThat(panel.path("targets").get(0).path("expr").asText()).isNotBlank();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }
}
