package fi.collabmaturity.projection.export;

import java.time.Instant;

/**
 * The point of the event log an export reflects: the position of the last event it read and that event's time
 * ({@code null} when the log had no event up to the point). {@code positionKind} says what positions are:
 * {@code global_index}, the event log's global index in every storage mode (exports made while the event log was
 * in MongoDB said {@code event_time_epoch_ms}).
 */
public record ExportPoint(long position, Instant time, String positionKind) {
}
