package fi.collabmaturity.api.operations.backup;

/** A backup or restore that cannot go ahead, with a message for the operator (no stack trace needed). */
public class OperationRefused extends RuntimeException {

    public OperationRefused(String message) {
        super(message);
    }

    public OperationRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
