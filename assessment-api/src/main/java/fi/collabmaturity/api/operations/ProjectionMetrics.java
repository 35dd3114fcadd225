package fi.collabmaturity.api.operations;

import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.admin.ProjectionStatus;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.projection.support.ProgressQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Projection health as metrics: lag per processor in events and in seconds (how old the newest handled event is
 * while the projection is behind), and parked dead letters. The status is read at most once a second per scrape.
 */
@Component
public class ProjectionMetrics implements SmartInitializingSingleton {

    private final MeterRegistry meters;
    private final ProjectionAdmin projections;
    private final ProgressQueries progress;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(0, List.of());

    private record Snapshot(long takenAtMillis, List<ProjectionStatus> status) {
    }

    public ProjectionMetrics(MeterRegistry meters, ProjectionAdmin projections, ProgressQueries progress, Clock clock) {
        this.meters = meters;
        this.projections = projections;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String processor : AxonConfiguration.PROCESSORS) {
            Gauge.builder("assessment.projection.lag.events", () -> value(processor, ProjectionStatus::lag))
                    .description("Events in the log that the projection has not handled yet")
                    .tag("processor", processor).register(meters);
            Gauge.builder("assessment.projection.lag.seconds", () -> lagSeconds(processor))
                    .description("Age of the newest handled event while the projection is behind (0 when caught up)")
                    .tag("processor", processor).baseUnit("seconds").register(meters);
            Gauge.builder("assessment.projection.dead_letters", () -> value(processor, ProjectionStatus::deadLetters))
                    .description("Events parked in the projection's dead-letter queue")
                    .tag("processor", processor).register(meters);
        }
    }

    private double value(String processor, ToLongFunction<ProjectionStatus> field) {
        for (ProjectionStatus row : status()) {
            if (processor.equals(row.name())) {
                return field.applyAsLong(row);
            }
        }
        return Double.NaN;
    }

    private double lagSeconds(String processor) {
        if (value(processor, ProjectionStatus::lag) <= 0) {
            return 0;
        }
        Document asOf = progress.asOf(processor);
        Object time = asOf.get("time");
        return time == null ? Double.NaN
                : Math.max(0, clock.millis() - Instant.parse(time.toString()).toEpochMilli()) / 1000.0;
    }

    private List<ProjectionStatus> status() {
        Snapshot current = snapshot;
        long now = clock.millis();
        if (now - current.takenAtMillis() > 1000) {
            current = new Snapshot(now, projections.status());
            snapshot = current;
        }
        return current.status();
    }
}
