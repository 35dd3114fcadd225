package fi.collabmaturity.api.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing against HTTP Basic: after {@value #FREE_FAILURES} failed sign-ins for one account
 * from one address, that pair is locked out for a delay that doubles with each further failure (1 s, 2 s, 4 s, ...
 * up to 15 minutes). A success clears the pair. Counted per account AND address, so an attacker cannot lock a
 * researcher out from elsewhere, and per address across accounts a little more leniently (spraying).
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the caller must wait before trying this account from this address; zero when free to try. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration pair = remaining(failures.get(key(username, address)), FREE_FAILURES, now);
        Duration spray = remaining(failures.get(key("*", address)), FREE_FAILURES_PER_ADDRESS, now);
        return pair.compareTo(spray) >= 0 ? pair : spray;
    }

    private Duration remaining(Failures f, int free, Instant now) {
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        long exponent = Math.min(20, f.count() - free);
        Duration delay = Duration.ofSeconds(1L << exponent);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Duration left = Duration.between(now, f.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        Instant now = clock.instant();
        failures.merge(key(event.getAuthentication().getName(), address), new Failures(1, now),
                (a, b) -> new Failures(a.count() + 1, now));
        failures.merge(key("*", address), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        if (failures.size() > 100_000) {
            failures.values().removeIf(f -> f.last().isBefore(now.minus(FORGET_AFTER)));
        }
    }

    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName(), address(event.getAuthentication().getDetails())));
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }

    private static String key(String username, String address) {
        return username + '\u0000' + address;
    }
}
