package fi.collabmaturity.api.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
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

    @Bean
    @Order(1)
    SecurityFilterChain dashboards(HttpSecurity http, AuthenticationManager authenticationManager,
                                   LoginThrottle throttle, ObjectMapper json) throws Exception {
        http.securityMatcher(PATHS)
                .authenticationManager(authenticationManager)
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .addFilterBefore(new FormLoginThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // the login page needs its style sheet before anyone has signed in
                        .requestMatchers("/ui/assets/**", "/webjars/**", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/login?error"))
                .httpBasic(Customizer.withDefaults())
                .requestCache(cache -> cache.requestCache(returnToTheSamePage()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // a browser without a session is sent to the form, never shown a Basic dialog
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    /** After signing in, back to the page asked for, with its address as it was (no {@code ?continue} marker). */
    private static HttpSessionRequestCache returnToTheSamePage() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * The Basic chain answers a locked-out account with 429 before checking the password; the form gets the same
     * protection, answered as a redirect back to the form with a message, so a password cannot be guessed
     * through the form either.
     */
    static final class FormLoginThrottle extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        FormLoginThrottle(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                String username = request.getParameter("username");
                if (username != null) {
                    Duration wait = throttle.waitFor(username, request.getRemoteAddr());
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
