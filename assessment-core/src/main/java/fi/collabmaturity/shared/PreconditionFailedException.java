package fi.collabmaturity.shared;

/** The client's expected version (If-Match) is not the current one: it would overwrite a change it has not seen. Maps to 412. */
public class PreconditionFailedException extends DomainException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
