package fi.collabmaturity.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every bad field of a command before refusing it, so that a client learns all its mistakes at once
 * instead of one per round trip.
 */
public final class Validation {

    /**
     * Identifiers chosen by clients: they become parts of aggregate identifiers, URLs and read-model keys (where a
     * '.' or '/' would split them), so letters, digits, '_' and '-' only.
     */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validation notBlank(String value, String field) {
        return require(value != null && !value.isBlank(), field, "must not be blank");
    }

    public Validation maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public Validation identifier(String value, String field) {
        if (value == null || value.isBlank()) {
            return require(false, field, "must not be blank");
        }
        return require(IDENTIFIER.matcher(value).matches(), field,
                "must be 1-64 letters, digits, '_' or '-', starting with a letter or digit");
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link InvalidInputException} naming every collected field, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
