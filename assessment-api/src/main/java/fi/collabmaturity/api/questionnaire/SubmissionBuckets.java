package fi.collabmaturity.api.questionnaire;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flood protection of the public form: a token bucket per client address (as {@code ClientAddress} tells it),
 * taken from by every attempt to store something (sending answers, withdrawing with a code), never by reading
 * the pages. A bucket holds {@code burst} tokens and refills at {@code refill-per-hour}, continuously: by default
 * 200 and 200 an hour, so a workshop of 200 people behind one NAT can all send at once, and a script from one
 * address is held to one answer every 18 seconds after its first 200. The buckets are kept in memory (a restart
 * fills them all); at most {@value #MAX_ADDRESSES} addresses are remembered, and when there are more, the full
 * buckets (addresses idle long enough to have refilled) are forgotten first.
 */
@Component
public class SubmissionBuckets {

    static final int MAX_ADDRESSES = 100_000;

    private final double burst;
    private final double perSecond;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SubmissionBuckets(@Value("${assessment.questionnaire.flood.burst:200}") int burst,
                             @Value("${assessment.questionnaire.flood.refill-per-hour:200}") int refillPerHour,
                             Clock clock) {
        if (burst < 1 || refillPerHour < 1) {
            throw new IllegalArgumentException("assessment.questionnaire.flood.burst and refill-per-hour must be at least 1");
        }
        this.burst = burst;
        this.perSecond = refillPerHour / 3600.0;
        this.clock = clock;
    }

    private record Bucket(double tokens, Instant at) {
    }

    /**
     * Takes one token from the address's bucket: {@link Duration#ZERO} if it had one, else how long until it
     * will (nothing is taken then).
     */
    public Duration take(String address) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        buckets.compute(address, (key, bucket) -> {
            double tokens = bucket == null ? burst : refilled(bucket, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            // to the next whole millisecond, past the rounding of the refill sum
            wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) / perSecond * 1000 - 1e-6));
            return new Bucket(tokens, now);
        });
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        return wait[0];
    }

    private double refilled(Bucket bucket, Instant now) {
        double seconds = Math.max(0, Duration.between(bucket.at(), now).toNanos() / 1e9);
        return Math.min(burst, bucket.tokens() + seconds * perSecond);
    }
}
