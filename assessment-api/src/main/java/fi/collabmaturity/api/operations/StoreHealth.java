package fi.collabmaturity.api.operations;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.storage.EventLogPositions;
import fi.collabmaturity.api.storage.StorageProperties;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Readiness: the event log answers (its PostgreSQL server, or the embedded H2 file), the read-model store answers, and the projections are caught up (within a
 * small lag, so that a busy instance stays ready). Details are shown to admins only.
 */
@Configuration(proxyBeanMethods = false)
public class StoreHealth {

    static final long READY_LAG_EVENTS = 1000;

    @Bean
    HealthIndicator eventLog(EventLogPositions positions, StorageProperties storage) {
        String store = storage.embeddedEventLog() ? "h2" : "postgresql";
        return () -> {
            try {
                return Health.up().withDetail("head", positions.head()).withDetail("store", store).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("store", store).withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    @Bean
    HealthIndicator readModelStore(MongoDatabase readModelDatabase) {
        return () -> {
            try {
                readModelDatabase.runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator projections(ProjectionAdmin admin) {
        return () -> {
            List<Map<String, Object>> status;
            try {
                status = admin.status(); // the lag needs the event log's head
            } catch (RuntimeException e) {
                return Health.outOfService().withDetail("error", e.getClass().getSimpleName()).build();
            }
            boolean ready = status.stream().allMatch(p -> "running".equals(p.get("status"))
                    && ((Number) p.get("lag")).longValue() <= READY_LAG_EVENTS);
            return (ready ? Health.up() : Health.outOfService()).withDetail("projections", status).build();
        };
    }
}
