package fi.collabmaturity.api.storage.eventlog;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Collections;
import java.util.List;

/** Positions are the event log's global index (the same on H2 and PostgreSQL, and kept by backup and restore). */
final class GlobalIndexPositions implements EventLogPositions {

    private final EventStorageEngine engine;
    private final JdbcTemplate jdbc;

    GlobalIndexPositions(EventStorageEngine engine, DataSource dataSource) {
        this.engine = engine;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public long positionOfEvents(List<String> ids) {
        if (ids.isEmpty()) {
            return head();
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry WHERE eventIdentifier IN ("
                + marks + ")", Long.class, ids.toArray());
        return max == null ? head() : max;
    }

    @Override
    public boolean reached(TrackingToken processorToken, long position) {
        TrackingToken token = EventLogPositions.current(processorToken);
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token != null && token.position().orElse(-1) >= position;
    }

    @Override
    public long head() {
        TrackingToken head = engine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    @Override
    public TrackingToken tokenAt(long position) {
        return GapAwareTrackingToken.newInstance(position, Collections.emptySet());
    }

    @Override
    public long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
