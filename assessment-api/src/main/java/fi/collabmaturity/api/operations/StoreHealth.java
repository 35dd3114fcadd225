package fi.collabmaturity.api.operations;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.admin.ProjectionStatus;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.storage.StorageProperties;
import fi.collabmaturity.api.storage.readmodel.EmbeddedMongoServer;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: the event log answers (its PostgreSQL server, or the embedded H2 file), the read-model store answers,
 * and the projections are caught up (within a small lag, so that a busy instance stays ready). Details are shown to
 * admins only.
 *
 * <p>The event log is asked with a time limit: a PostgreSQL server that does not answer would otherwise hold the
 * probe for the pool's connection timeout (30 s), longer than a probe waits, and the probe would fail without saying
 * why.
 */
@Configuration(proxyBeanMethods = false)
public class StoreHealth {

    static final long READY_LAG_EVENTS = 1000;
    static final Duration EVENT_LOG_TIME_LIMIT = Duration.ofSeconds(3);
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "event-log-probe");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    HealthIndicator eventLog(EventLogPositions positions, StorageProperties storage) {
        String store = storage.embeddedEventLog() ? "h2" : "postgresql";
        return () -> {
            try {
                return Health.up().withDetail("head", head(positions)).withDetail("store", store).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("store", store).withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    /** The event log's head, or an exception if the log does not answer within the time limit. */
    static long head(EventLogPositions positions) {
        Future<Long> head = PROBES.submit(positions::head);
        try {
            return head.get(EVENT_LOG_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            head.cancel(true);
            throw new IllegalStateException("the event log did not answer within " + EVENT_LOG_TIME_LIMIT, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Bean
    HealthIndicator readModelStore(MongoDatabase readModelDatabase, ObjectProvider<EmbeddedMongoServer> embedded) {
        return () -> {
            EmbeddedMongoServer server = embedded.getIfAvailable();
            return readModelHealth(readModelDatabase, server != null && server.closedByError());
        };
    }

    /** The embedded server still answers a ping with its store closed, so that is asked first. */
    static Health readModelHealth(MongoDatabase readModelDatabase, boolean embeddedStoreClosedByError) {
        if (embeddedStoreClosedByError) {
            return Health.down().withDetail("error", "the embedded read-model store was closed by an error "
                    + "(see the log); restart the application").build();
        }
        try {
            readModelDatabase.runCommand(new Document("ping", 1));
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Bean
    HealthIndicator projections(ProjectionAdmin admin, EventLogPositions positions) {
        return () -> {
            List<ProjectionStatus> status;
            try {
                head(positions); // the lag needs the head: asked first with the time limit
                status = admin.status();
            } catch (RuntimeException e) {
                return Health.outOfService().withDetail("error", e.getClass().getSimpleName()).build();
            }
            boolean ready = status.stream().allMatch(p -> "running".equals(p.status())
                    && p.lag() <= READY_LAG_EVENTS);
            return (ready ? Health.up() : Health.outOfService()).withDetail("projections", status).build();
        };
    }
}
