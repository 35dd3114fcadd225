package fi.collabmaturity.projection.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/**
 * How far a projection has got in the event log: the position (the event log's global index) and time of the last
 * event it handled.
 */
public record Progress(long position, Instant time) {

    public static final String COLLECTION = "projection_progress";

    /** The event's position in the log; every event a projection handles comes from it, tracked. */
    public static long positionOf(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("an event without a position in the event log: " + token);
        }
        return token.position().getAsLong();
    }

    static Progress of(EventMessage<?> message) {
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        return new Progress(positionOf(token), message.getTimestamp());
    }
}
