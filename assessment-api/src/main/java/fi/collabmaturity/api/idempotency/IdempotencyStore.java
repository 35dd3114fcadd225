package fi.collabmaturity.api.idempotency;

import java.util.Optional;

/**
 * Remembers, per user and Idempotency-Key, which request was made (its fingerprint) and the first response to it.
 * The claim is written in the same transaction as the command's events (both in the event log's database), so
 * "the key was used" and "the write happened" cannot disagree after a crash.
 */
public interface IdempotencyStore {

    /** A key's record; {@code response} is null until the first response was stored. */
    record Entry(String fingerprint, String location, StoredResponse response) {
    }

    record StoredResponse(int status, String contentType, String location, String position, String etag,
                          String body) {
    }

    Optional<Entry> find(String username, String key);

    /** Records the key for this request; throws {@link KeyAlreadyClaimedException} if another request holds it. */
    void claim(String username, String key, String fingerprint, String location);

    void complete(String username, String key, StoredResponse response);

    /** Forgets a claim whose request failed, so that a retry is judged afresh. */
    void release(String username, String key);

    /** Thrown when the key was claimed by a concurrent request first. */
    class KeyAlreadyClaimedException extends RuntimeException {
        public KeyAlreadyClaimedException() {
            super("the Idempotency-Key is being used by another request", null, false, false);
        }
    }
}
