package fi.collabmaturity.api.idempotency;

/**
 * The Idempotency-Key of the request being handled on this thread, so that the command it sends can carry it (in
 * its metadata) to the claim that runs inside the command's transaction.
 */
public final class IdempotencyContext {

    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "idempotencyFingerprint";
    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    /** The request's key and fingerprint; {@code claimed} is set once a command has claimed the key. */
    public static final class Current {
        final String key;
        final String fingerprint;
        volatile boolean claimed;
        volatile boolean lostRace;

        Current(String key, String fingerprint) {
            this.key = key;
            this.fingerprint = fingerprint;
        }

        public String key() {
            return key;
        }

        public String fingerprint() {
            return fingerprint;
        }
    }

    private IdempotencyContext() {
    }

    static void set(Current current) {
        CURRENT.set(current);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The key to stamp on the next command, once per request (only the request's first command claims it). */
    public static Current forNextCommand() {
        Current current = CURRENT.get();
        return current == null || current.claimed ? null : current;
    }

    static Current current() {
        return CURRENT.get();
    }
}
