package fi.collabmaturity.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Answers 429 (with Retry-After) before checking a password that {@link LoginThrottle} says must wait. */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;
    private final ClientAddress addresses;

    public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, ClientAddress addresses) {
        this.throttle = throttle;
        this.json = json;
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader("Authorization"));
        if (username != null) {
            Duration wait = throttle.waitFor(username, addresses.of(request));
            if (!wait.isZero()) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + 1)));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-sign-in-failures", "Too many failed sign-ins",
                        "too many failed sign-ins for this account or from this address; wait and retry", null)
                        .getBody());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static String basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
