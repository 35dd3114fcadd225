package fi.collabmaturity.shared;

import java.util.List;

/** A command or request broke a rule about its own content; nothing was recorded. Maps to 400. */
public class InvalidInputException extends DomainException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
