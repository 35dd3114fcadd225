package fi.collabmaturity.api.export;

import fi.collabmaturity.shared.InvalidInputException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The point of the event log an export request names: a position (an integer, as {@code X-Assessment-Position} and
 * the manifest's {@code eventPosition} give it), an ISO instant, or nothing for the head of the log.
 */
public record AsOf(Long position, Instant instant) {

    public static final AsOf HEAD = new AsOf(null, null);

    public static AsOf parse(String value) {
        if (value == null || value.isBlank()) {
            return HEAD;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return new AsOf(Long.parseLong(v), null);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("asOf", "is too large a position");
            }
        }
        try {
            return new AsOf(null, OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("asOf",
                    "must be an event position (an integer) or an ISO instant such as 2025-01-31T12:00:00Z");
        }
    }

    public boolean head() {
        return position == null && instant == null;
    }
}
