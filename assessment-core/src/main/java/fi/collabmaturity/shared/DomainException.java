package fi.collabmaturity.shared;

/** Base of the domain's refusals. Each subtype says which kind of refusal it is; the API maps kinds to statuses. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
