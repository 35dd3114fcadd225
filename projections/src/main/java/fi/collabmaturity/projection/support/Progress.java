package fi.collabmaturity.projection.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/**
 * How far a projection has got in the event log: the position and time of the last event it handled. The position
 * is the event store's global index (JDBC); a store without one (MongoDB) uses the event's time in epoch
 * milliseconds, which orders its events the same way.
 */
public record Progress(long position, Instant time) {

    public static final String COLLECTION = "projection_progress";

    public static long positionOf(TrackingToken token, Instant timestamp) {
        if (token != null && token.position().isPresent()) {
            return token.position().getAsLong();
        }
        return timestamp.toEpochMilli();
    }

    static Progress of(EventMessage<?> message) {
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        return new Progress(positionOf(token, message.getTimestamp()), message.getTimestamp());
    }
}
