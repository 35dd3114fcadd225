package fi.collabmaturity.api.admin;

/**
 * Where one projection's processor is: the lowest position of its segments, how many events of the log it has not
 * handled yet, {@code running}, {@code replaying}, {@code error} or {@code stopped}, and the events parked in its
 * dead-letter queue. {@code GET /admin/projections} and the readiness probe's details show it as it is.
 */
public record ProjectionStatus(String name, long position, long lag, String status, long deadLetters) {
}
