package fi.collabmaturity.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The address a request comes from, as the login throttle counts it. That is the connection's peer, unless the peer
 * is one of the configured trusted proxies ({@code assessment.security.trusted-proxies}, addresses or CIDR ranges,
 * none by default): then the client is the last address before the trusted proxies in {@code X-Forwarded-For} (or,
 * without that header, in the {@code for=} parameters of {@code Forwarded}). A proxy appends the address it was
 * connected from, so anything to the left of that was written by the client and is never believed; without trusted
 * proxies both headers are ignored, so a client cannot choose the address it is throttled under.
 */
@Component
public class ClientAddress {

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(@Value("${assessment.security.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies == null ? new String[0] : trustedProxies.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedFor(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /** The details of a sign-in (address and session) as the throttle's listener reads them. */
    public AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> details() {
        return request -> {
            HttpSession session = request.getSession(false);
            return new WebAuthenticationDetails(of(request), session == null ? null : session.getId());
        };
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    /** The addresses the request passed through, the client's first, from one of the two headers. */
    static List<String> forwardedFor(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        var xff = request.getHeaders("X-Forwarded-For");
        if (xff != null && xff.hasMoreElements()) {
            while (xff.hasMoreElements()) {
                for (String part : xff.nextElement().split(",")) {
                    add(chain, part);
                }
            }
            return chain;
        }
        var forwarded = request.getHeaders("Forwarded");
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String element : forwarded.nextElement().split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        add(chain, pair.substring(eq + 1));
                    }
                }
            }
        }
        return chain;
    }

    /** One node: quotes, IPv6 brackets and a port are taken off ({@code "[2001:db8::1]:4711"}, {@code 192.0.2.1:80}). */
    private static void add(List<String> chain, String node) {
        String n = node.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1).strip();
        }
        if (n.startsWith("[")) {
            int close = n.indexOf(']');
            n = close > 0 ? n.substring(1, close) : n;
        } else if (n.indexOf(':') > 0 && n.indexOf(':') == n.lastIndexOf(':')) {
            n = n.substring(0, n.indexOf(':'));
        }
        if (!n.isEmpty()) {
            chain.add(n.length() > 100 ? n.substring(0, 100) : n);
        }
    }
}
