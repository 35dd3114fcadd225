package fi.collabmaturity.shared;

/** The command names something that does not exist (or that the caller may not see). Maps to 404. */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
