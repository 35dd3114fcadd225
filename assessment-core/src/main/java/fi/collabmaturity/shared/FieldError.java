package fi.collabmaturity.shared;

/**
 * One bad field of a request: {@code field} is the path a client sent (e.g. {@code answers.trust}),
 * so that the API can name it in its problem details.
 */
public record FieldError(String field, String message) {
}
