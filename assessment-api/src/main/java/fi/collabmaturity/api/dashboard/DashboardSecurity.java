package fi.collabmaturity.api.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.security.ClientAddress;
import fi.collabmaturity.api.security.LoginThrottle;
import fi.collabmaturity.api.security.LoginThrottleFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The browser's way in: a session-based filter chain for the dashboards (and the login form), ordered before the
 * stateless HTTP Basic chain of the API, which stays exactly as it is. The same accounts and the same
 * authentication manager are used, so the login throttle counts failed form sign-ins like failed Basic ones.
 * CSRF protection is on here because a browser session carries cookies; requests with Basic credentials are
 * accepted as well (API.md: "requests that carry HTTP Basic credentials are accepted too").
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurity {

    /** Paths this chain owns; everything else falls through to the API chain. */
    static final String[] PATHS = {"/", "/ui", "/ui/**", "/login", "/logout", "/webjars/**"};

    /**
     * What the pages may load: their own scripts, style sheets and images only (no inline script or style, no
     * other site, no frames, forms posting only here). The pages keep to it: scripts are files, chart data are
     * JSON data blocks, styles are in dashboard.css.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";
    /** None of the browser features a page could ask for is needed. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    @Bean
    @Order(1)
    SecurityFilterChain dashboards(HttpSecurity http, AuthenticationManager authenticationManager,
                                   LoginThrottle throttle, ObjectMapper json, ClientAddress addresses)
            throws Exception {
        HttpSessionRequestCache requests = returnToTheSamePage();
        http.securityMatcher(PATHS)
                .authenticationManager(authenticationManager)
                .addFilterBefore(new LoginThrottleFilter(throttle, json, addresses), BasicAuthenticationFilter.class)
                .addFilterBefore(new FormLoginThrottle(throttle, addresses), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // the login page needs its style sheet before anyone has signed in
                        .requestMatchers("/ui/assets/**", "/webjars/**", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(backToThePageAskedFor(requests))
                        .failureUrl("/login?error").authenticationDetailsSource(addresses.details()))
                // wrong Basic credentials, too, go to the form: a Basic challenge would have the browser ask for
                // and cache credentials that it then sends to the API as well
                .httpBasic(basic -> basic.authenticationDetailsSource(addresses.details())
                        .authenticationEntryPoint(toTheLoginForm()))
                .requestCache(cache -> cache.requestCache(requests))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // a browser without a session is sent to the form, never shown a Basic dialog
                .exceptionHandling(ex -> ex.authenticationEntryPoint(toTheLoginForm()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /** After signing in, back to the page asked for, with its address as it was (no {@code ?continue} marker). */
    private static HttpSessionRequestCache returnToTheSamePage() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * The redirects that Spring Security makes absolute are made from the request's {@code Host}, which the client
     * chooses: the login form's address and the page asked for before signing in are sent as paths instead (the
     * other redirects are relative already; {@code server.tomcat.use-relative-redirects} keeps them so).
     */
    private static LoginUrlAuthenticationEntryPoint toTheLoginForm() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static SavedRequestAwareAuthenticationSuccessHandler backToThePageAskedFor(HttpSessionRequestCache cache) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRequestCache(cache);
        handler.setRedirectStrategy(new PathOnlyRedirects());
        return handler;
    }

    /** Redirects to the path (and query) of the URL it is given, never to its scheme and host. */
    static final class PathOnlyRedirects extends DefaultRedirectStrategy {

        @Override
        protected String calculateRedirectUrl(String contextPath, String url) {
            if (!UrlUtils.isAbsoluteUrl(url)) {
                return super.calculateRedirectUrl(contextPath, url);
            }
            try {
                URI uri = new URI(url);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                // "//host" would be read as another host again
                path = "/" + path.replaceFirst("^/+", "");
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (URISyntaxException e) {
                return contextPath + "/";
            }
        }
    }

    /**
     * The Basic chain answers a locked-out account with 429 before checking the password; the form gets the same
     * protection, answered as a redirect back to the form with a message, so a password cannot be guessed
     * through the form either.
     */
    static final class FormLoginThrottle extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final ClientAddress addresses;

        FormLoginThrottle(LoginThrottle throttle, ClientAddress addresses) {
            this.throttle = throttle;
            this.addresses = addresses;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                String username = request.getParameter("username");
                if (username != null) {
                    Duration wait = throttle.waitFor(username, addresses.of(request));
                    if (!wait.isZero()) {
                        response.sendRedirect(request.getContextPath() + "/login?locked");
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
