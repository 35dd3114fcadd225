package fi.collabmaturity.api.export;

import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.projection.export.ExportPoint;
import fi.collabmaturity.projection.export.StudyLogFold;
import fi.collabmaturity.shared.InvalidInputException;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the event log from its start up to the export's point and hands the events the export needs to a fold.
 * It reads the log itself, never a read model. The point is always a prefix of the log: up to a position, or up to
 * (not past) the first event later than an instant, so that the manifest's {@code eventPosition} names exactly the
 * events read and a request with {@code asOf=<eventPosition>} reads the same ones.
 */
@Component
public class ExportEventReader {

    private final EventStorageEngine engine;
    private final EventLogPositions positions;
    private final Clock clock;

    public ExportEventReader(EventStorageEngine engine, EventLogPositions positions, Clock clock) {
        this.engine = engine;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * Checks the point against the log before anything is read. A point beyond the head (or an instant in the
     * future) is refused: what it would export could still change, so it could not be reproduced.
     */
    public long limit(AsOf asOf) {
        long head = positions.head();
        if (asOf.head()) {
            return head;
        }
        if (asOf.position() != null) {
            if (asOf.position() > head) {
                throw InvalidInputException.of("asOf", "position " + asOf.position()
                        + " is beyond the head of the event log (" + head + ")");
            }
            return asOf.position();
        }
        if (asOf.instant().isAfter(Instant.now(clock))) {
            throw InvalidInputException.of("asOf", "must not be in the future");
        }
        return head;
    }

    /** Applies every event up to the point to the fold; returns the position and time of the last event read. */
    public ExportPoint read(AsOf asOf, long limit, StudyLogFold fold) {
        long lastPosition = 0;
        Instant lastTime = null;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                long position = positions.positionOf(event);
                if (position > limit || (asOf.instant() != null && event.getTimestamp().isAfter(asOf.instant()))) {
                    break;
                }
                // the payload type is known without deserialising: skip everything the export does not read
                Class<?> type = event.getPayloadType();
                if (StudyLogFold.EVENT_TYPES.contains(type)) {
                    fold.apply(event.getPayload(), StudyLogFold.META_DATA_TYPES.contains(type)
                            ? event.getMetaData() : Map.of());
                }
                lastPosition = position;
                lastTime = event.getTimestamp();
            }
        }
        return new ExportPoint(lastPosition, lastTime, "global_index");
    }
}
