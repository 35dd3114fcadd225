package fi.collabmaturity.shared;

/** The command is well formed but the current state refuses it: a duplicate, a closed wave, a stale version. Maps to 409. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
