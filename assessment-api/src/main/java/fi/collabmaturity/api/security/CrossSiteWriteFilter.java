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
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API's protection against cross-site request forgery. The API has no session and no CSRF token: a browser can
 * still attach credentials it holds for it, so a page on another site could make it write (an erasure, a wave
 * closed, a replay, an import, bodyless or as a form). Browsers say where a request comes from, so a
 * state-changing request (POST, PUT, PATCH, DELETE) is refused with 403 before its credentials are looked at when
 * <ul>
 * <li>{@code Sec-Fetch-Site} is present and is not {@code same-origin} or {@code none} (a page of another site,
 * or of another origin of the same site), or</li>
 * <li>{@code Origin} is present and is neither this server's own origin nor one of the allowed origins
 * ({@code assessment.security.allowed-origins}, comma-separated, none by default).</li>
 * </ul>
 * An allowed origin is accepted whatever {@code Sec-Fetch-Site} says. Clients that are not browsers (curl, R,
 * Python, the tests) send neither header and are not affected. The server's own origin is the host and port of the
 * request's {@code Host}; the scheme is not compared, so a TLS-terminating proxy that keeps {@code Host} needs no
 * configuration.
 */
public class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

    private final Set<Origin> allowed;
    private final ObjectMapper json;

    public CrossSiteWriteFilter(String allowedOrigins, ObjectMapper json) {
        this.allowed = Arrays.stream(allowedOrigins == null ? new String[0] : allowedOrigins.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(CrossSiteWriteFilter::configured)
                .collect(Collectors.toUnmodifiableSet());
        this.json = json;
    }

    /** An origin as compared: scheme, host (lower case) and port (the scheme's default when not given). */
    record Origin(String scheme, String host, int port) {

        static Origin parse(String text) {
            try {
                URI uri = new URI(text.strip());
                String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                    return null;
                }
                int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
                return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
    }

    private static Origin configured(String text) {
        Origin origin = Origin.parse(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (origin == null) {
            throw new IllegalArgumentException("assessment.security.allowed-origins: not an origin "
                    + "(scheme://host[:port]): " + text);
        }
        return origin;
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WRITES.contains(request.getMethod()) && crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.FORBIDDEN,
                    "cross-site-request", "Cross-site request refused",
                    "the API does not accept changes from a page of another site (Origin / Sec-Fetch-Site); "
                            + "a web application on another origin must be listed in "
                            + "assessment.security.allowed-origins", null).getBody());
            return;
        }
        chain.doFilter(request, response);
    }

    boolean crossSite(HttpServletRequest request) {
        String originHeader = request.getHeader("Origin");
        Origin origin = originHeader == null ? null : Origin.parse(originHeader);
        if (origin != null && allowed.contains(origin)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME_ORIGIN.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        // "null" (a sandboxed or privacy-sensitive context) and anything unreadable are not this origin either
        return originHeader != null && (origin == null || !ownOrigin(origin, request));
    }

    private static boolean ownOrigin(Origin origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return false;
        }
        Origin own = Origin.parse(origin.scheme() + "://" + host.strip());
        return own != null && own.host().equals(origin.host()) && own.port() == origin.port();
    }
}
