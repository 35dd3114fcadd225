package fi.collabmaturity.api.operations;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.collabmaturity.api.storage.readmodel.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness of the read-model store against a real embedded server. Whether H2 closed the store after an error
 * is detected by the server itself ({@code EmbeddedMongoServerTest}); here, what readiness answers then: the
 * server still answers a ping, so without that check readiness would say UP.
 */
class ReadModelStoreHealthTest {

    @TempDir
    Path dir;

    @Test
    void upWhenTheStoreAnswersAndDownWhenItWasClosedByAnErrorThoughItStillAnswersAPing() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir.resolve("readmodels.mv.db"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("app");

            assertThat(StoreHealth.readModelHealth(database, false).getStatus()).isEqualTo(Status.UP);

            Health closed = StoreHealth.readModelHealth(database, true);
            assertThat(closed.getStatus()).isEqualTo(Status.DOWN);
            assertThat(closed.getDetails().get("error").toString()).contains("closed by an error");
        }
    }

    @Test
    void downNamingTheErrorWhenTheStoreDoesNotAnswer() {
        String address;
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir.resolve("readmodels.mv.db"))) {
            address = server.connectionString().substring("mongodb://".length());
        }
        String[] hostPort = address.split(":");
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(hostPort[0],
                        Integer.parseInt(hostPort[1])))).serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Health health = StoreHealth.readModelHealth(client.getDatabase("app"), false);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).isEqualTo("MongoTimeoutException");
        }
    }
}
