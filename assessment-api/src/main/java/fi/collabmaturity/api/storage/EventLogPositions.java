package fi.collabmaturity.api.storage;

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
}
