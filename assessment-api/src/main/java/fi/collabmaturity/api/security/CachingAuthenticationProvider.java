package fi.collabmaturity.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and a BCrypt check costs tens of milliseconds by design. This
 * remembers a successful check for a short while, keyed by the user and a SHA-256 of the password (never the
 * password itself), so that a client making many calls pays the BCrypt price once a minute, not per request.
 * Failed attempts are never cached.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Authentication authentication, long expires) {
    }

    public CachingAuthenticationProvider(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = authentication.getName() + '\u0000' + sha256(password);
        Cached cached = cache.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.expires() < 0) {
            return cached.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Cached(result, now + TTL_NANOS));
        }
        return result;
    }

    /** Forgets every cached sign-in of a user (after the account changed). */
    public void forget(String username) {
        cache.keySet().removeIf(k -> k.startsWith(username + '\u0000'));
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
