package fi.collabmaturity.api.storage.eventlog;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * Positions in the event log as the API shows them ({@code X-Assessment-Position}, {@code minPosition},
 * {@code asOf}): the event log's global index, on H2 and on PostgreSQL alike.
 */
public interface EventLogPositions {

    /** The position of the newest event in the log (0 when it is empty). */
    long head();

    /** A token that a processor covers once it has handled everything up to {@code position}. */
    TrackingToken tokenAt(long position);

    /** The position of one event read from the log, in the same terms as {@link #head()}. */
    long positionOf(TrackedEventMessage<?> event);

    /** The position of the newest of these events (a write's own events), or the head if none is known. */
    long positionOfEvents(List<String> eventIdentifiers);

    /**
     * Whether a processor whose token is {@code processorToken} has handled the event at {@code position}. Not
     * "everything before it": a transaction killed mid-write leaves a permanent gap in the log, and a write must
     * not wait for other writers' events anyway.
     */
    boolean reached(TrackingToken processorToken, long position);

    /** The token inside a replay's token (the position the processor is at). */
    static TrackingToken current(TrackingToken token) {
        return token instanceof ReplayToken replay ? current(replay.getCurrentToken()) : token;
    }
}
