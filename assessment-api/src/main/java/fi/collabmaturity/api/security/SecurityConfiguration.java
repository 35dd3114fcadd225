package fi.collabmaturity.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.idempotency.IdempotencyFilter;
import fi.collabmaturity.api.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HTTP Basic against the built-in accounts, and bearer JWTs when an OIDC issuer is configured (see OidcTokens). The API is stateless (no session, no CSRF token to carry); health
 * answers without credentials, everything else needs them. 401 and 403 are problem details like every error.
 * Writes from a page of another site are refused ({@link CrossSiteWriteFilter}), and a 401 never asks a browser
 * for Basic credentials ({@link #CHALLENGE}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * No observations of the filter chain, sign-ins or access decisions. Turning them off by property
     * ({@code management.observations.enable.spring.security}) makes each observation a no-op, but the chain is still
     * wrapped filter by filter to start them: about a tenth of a cached read's allocations. Requests are still timed
     * ({@code http.server.requests}) and authentication events still published.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    CachingAuthenticationProvider authenticationProvider(AccountDirectory accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(accounts);
        return new CachingAuthenticationProvider(dao);
    }

    @Bean
    AuthenticationManager authenticationManager(CachingAuthenticationProvider provider,
                                                ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * The challenge of a 401. Not {@code Basic}: a browser answers a Basic challenge with its sign-in dialog and then
     * sends the credentials with every request to the API, also with those a page of another site makes (see
     * {@link CrossSiteWriteFilter}). HTTP clients send Basic credentials without being asked (curl -u, R, Python).
     */
    static final String CHALLENGE = "xBasic realm=\"collab-maturity\"";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ObjectMapper json,
                            LoginThrottle throttle, IdempotencyFilter idempotency, OidcTokens oidc,
                            ClientAddress addresses,
                            @Value("${assessment.security.allowed-origins:}") String allowedOrigins)
            throws Exception {
        http.authenticationManager(authenticationManager)
                // the API's CSRF protection, where Spring's token-based one would be
                .addFilterAt(new CrossSiteWriteFilter(allowedOrigins, json), CsrfFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, json, addresses), BasicAuthenticationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationDetailsSource(addresses.details())
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", CHALLENGE);
                            write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                    "sign in with HTTP Basic");
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "your role does not allow this")));
        if (oidc.enabled()) {
            // Bearer tokens from the configured identity provider, beside the built-in accounts' Basic auth.
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.authenticationManager(oidc.authenticationManager()))
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                "the bearer token is not valid (signature, issuer or expiry)");
                    }));
        }
        return http.build();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String kind,
                              String title, String detail) throws IOException {
        ProblemDetail problem = Problems.problem(status, kind, title, detail).getBody();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
