package fi.collabmaturity.projection.export;

import java.time.Instant;

/**
 * The point of the event log an export reflects: the position of the last event it read and that event's time
 * ({@code null} when the log had no event up to the point). {@code positionKind} says what positions are in the
 * running storage mode: {@code global_index} (the embedded JDBC log) or {@code event_time_epoch_ms} (MongoDB).
 */
public record ExportPoint(long position, Instant time, String positionKind) {
}
