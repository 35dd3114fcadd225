package fi.collabmaturity.api.web;

/** A read asked for a position the projections have not reached within the wait. Maps to 503 with Retry-After. */
public class ProjectionsBehindException extends RuntimeException {

    public ProjectionsBehindException(String message) {
        super(message, null, false, false);
    }
}
