package fi.collabmaturity.api.security;

import fi.collabmaturity.account.Usernames;
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
 * Slows down password guessing (HTTP Basic and the dashboards' form), counting failed sign-ins three ways, each
 * locking out for a delay that doubles with every failure beyond its free ones (1 s, 2 s, 4 s, ... up to 15
 * minutes), before the password is checked:
 * <ul>
 * <li>one account from one address: after {@value #FREE_FAILURES} failures even the right password waits there;
 * a success clears this count;</li>
 * <li>one account from any address (guessing one password from many places): after
 * {@value #FREE_FAILURES_PER_ACCOUNT};</li>
 * <li>one address for any account (trying many names): after {@value #FREE_FAILURES_PER_ADDRESS}.</li>
 * </ul>
 * The last two never lock an account out of an address it has signed in from before (within
 * {@link #REMEMBER_SIGN_INS}): a researcher behind the same NAT as someone trying names, or whose account is being
 * guessed from elsewhere, still gets in from their usual place, while an unknown address waits. A success clears
 * neither of them, so an attacker's own account cannot reset the count of the names it tries. A count is forgotten
 * {@link #FORGET_AFTER} after its last failure. Addresses are the client's as {@link ClientAddress} tells it;
 * account names are compared without case.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ACCOUNT = 20;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    static final Duration REMEMBER_SIGN_INS = Duration.ofDays(30);
    private static final int MAX_ENTRIES = 100_000;

    /** Failures by account and address, by account, and by address. */
    private final Map<String, Failures> byPair = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    /** When each account last signed in from each address. */
    private final Map<String, Instant> signedIn = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the caller must wait before trying this account from this address; zero when free to try. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        Duration wait = remaining(byPair.get(pair(account, address)), FREE_FAILURES, now);
        Instant known = signedIn.get(pair(account, address));
        if (known != null && known.plus(REMEMBER_SIGN_INS).isAfter(now)) {
            return wait;
        }
        wait = longer(wait, remaining(byAccount.get(account), FREE_FAILURES_PER_ACCOUNT, now));
        return longer(wait, remaining(byAddress.get(address), FREE_FAILURES_PER_ADDRESS, now));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Duration remaining(Failures f, int free, Instant now) {
        if (f == null || f.count() < free || forgotten(f, now)) {
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

    private static boolean forgotten(Failures f, Instant now) {
        return !f.last().plus(FORGET_AFTER).isAfter(now);
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        String account = account(event.getAuthentication().getName());
        Instant now = clock.instant();
        count(byPair, pair(account, address), now);
        count(byAccount, account, now);
        count(byAddress, address, now);
    }

    private static void count(Map<String, Failures> failures, String key, Instant now) {
        failures.merge(key, new Failures(1, now), (a, b) -> new Failures(forgotten(a, now) ? 1 : a.count() + 1, now));
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> forgotten(f, now));
        }
    }

    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        String key = pair(account(event.getAuthentication().getName()),
                address(event.getAuthentication().getDetails()));
        byPair.remove(key);
        Instant now = clock.instant();
        signedIn.put(key, now);
        if (signedIn.size() > MAX_ENTRIES) {
            signedIn.values().removeIf(t -> !t.plus(REMEMBER_SIGN_INS).isAfter(now));
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    private static String account(String username) {
        return username == null ? "" : Usernames.key(username);
    }

    private static String pair(String account, String address) {
        return account + '\u0000' + address;
    }
}
