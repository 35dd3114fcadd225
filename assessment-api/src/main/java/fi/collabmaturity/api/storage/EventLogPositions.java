package fi.collabmaturity.api.storage;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Positions in the event log as the API shows them ({@code X-Assessment-Position}, {@code minPosition},
 * {@code asOf}): the global index in the JDBC store; in MongoDB, which has none, the event time in epoch ms.
 */
public interface EventLogPositions {

    /** The position of the newest event in the log (0 when it is empty). */
    long head();

    /** A token that a processor covers once it has handled everything up to {@code position}. */
    TrackingToken tokenAt(long position);

    /** The position of one event read from the log, in the same terms as {@link #head()}. */
    long positionOf(TrackedEventMessage<?> event);

    /** What positions are: {@code global_index} or {@code event_time_epoch_ms}. */
    String kind();
}
