package fi.collabmaturity.api.security;

import fi.collabmaturity.account.Usernames;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * HTTP Basic sends the password with every request, and a BCrypt check costs tens of milliseconds by design. This
 * remembers a successful check for a short while, keyed by the user and a SHA-256 of the password (never the
 * password itself), so that a client making many calls pays the BCrypt price once a minute, not per request.
 * Failed attempts are never cached.
 *
 * <p>When a sign-in is a minute old, the next request checks the password again; requests that arrive while that
 * check runs use the sign-in as it stands instead of each starting a check of their own (eight concurrent clients
 * all checking at once stalled every request for a few hundred milliseconds once a minute). That grace lasts
 * another minute at most; a failed check removes the sign-in. Account changes {@link #forget} sign-ins at once.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    static final long TTL_NANOS = 60_000_000_000L;
    static final long GRACE_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;
    /** The most of a password that BCrypt reads; accounts refuse longer ones. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final AuthenticationProvider delegate;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A successful check; {@code checking} is set by the one request that checks the password again. */
    private record Cached(Authentication authentication, long expires, AtomicBoolean checking) {
    }

    public CachingAuthenticationProvider(AuthenticationProvider delegate) {
        this(delegate, System::nanoTime);
    }

    CachingAuthenticationProvider(AuthenticationProvider delegate, LongSupplier clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // BCrypt compares the first 72 bytes only: the right 72 bytes followed by anything would otherwise pass
            throw new BadCredentialsException("Bad credentials");
        }
        String key = authentication.getName() + '\u0000' + sha256(password);
        Cached cached = cache.get(key);
        long now = clock.getAsLong();
        if (cached != null) {
            long expired = now - cached.expires();
            if (expired < 0) {
                return cached.authentication();
            }
            if (expired < GRACE_NANOS && !cached.checking().compareAndSet(false, true)) {
                return cached.authentication(); // another request is checking the password again right now
            }
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException refused) {
            cache.remove(key);
            throw refused;
        } catch (RuntimeException failed) {
            if (cached != null) {
                cached.checking().set(false); // not an answer about the password: the next request tries again
            }
            throw failed;
        }
        if (result != null && result.isAuthenticated()) {
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Cached(result, now + TTL_NANOS, new AtomicBoolean()));
        } else {
            cache.remove(key);
        }
        return result;
    }

    /** Forgets every cached sign-in of a user, in any spelling of the name (after the account changed). */
    public void forget(String username) {
        cache.keySet().removeIf(k -> Usernames.same(k.substring(0, k.indexOf('\u0000')), username));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
