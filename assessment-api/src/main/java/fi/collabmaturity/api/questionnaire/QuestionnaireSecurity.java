package fi.collabmaturity.api.questionnaire;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The public questionnaire form's own filter chain ({@code /q/**}), ordered before the dashboards' and the API's:
 * no sign-in, no session. CSRF protection is Spring's with the token in a cookie ({@value #CSRF_COOKIE}, only for
 * {@code /q}, HttpOnly, SameSite=Strict) and in a hidden field of every form (double submit), so a page of another
 * site cannot send answers from a respondent's browser and the server keeps nothing between the steps. The
 * headers are the dashboards' (the same content security policy: no script, own style sheets only, forms posting
 * only here), except the referrer: none at all, since the page's address carries the link's token. A body declared
 * larger than {@code assessment.questionnaire.max-request-bytes} (or not declared: browsers always declare a
 * form's) is refused before it is read.
 */
@Configuration(proxyBeanMethods = false)
public class QuestionnaireSecurity {

    static final String CSRF_COOKIE = "q-xsrf";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    @Bean
    @Order(0)
    SecurityFilterChain questionnaireForm(HttpSecurity http,
                                          @Value("${assessment.questionnaire.max-request-bytes:327680}") long maxBytes)
            throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.path("/q").sameSite("Strict").httpOnly(true));
        http.securityMatcher("/q", "/q/**")
                .addFilterBefore(new SizeLimit(maxBytes), CsrfFilter.class)
                .addFilterAfter(new LoadToken(), CsrfFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(tokens))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        // a missing or wrong CSRF token: a page that says what to do, not a bare 403
                        request.getRequestDispatcher("/q/expired").forward(request, response)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * Writes the CSRF cookie while the response can still take headers: Spring creates the token lazily, and a
     * page long enough to have flushed part of itself before the form's hidden field would lose the cookie.
     */
    static final class LoadToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /** 413 (a page) for a body declared larger than the limit, 411 for one of undeclared length. */
    static final class SizeLimit extends OncePerRequestFilter {

        private final long maxBytes;

        SizeLimit(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                long length = request.getContentLengthLong();
                if (length > maxBytes || length < 0 && request.getHeader("Transfer-Encoding") != null) {
                    request.setAttribute(QuestionnaireFormController.TOO_LARGE, length < 0 ? 411 : 413);
                    request.getRequestDispatcher("/q/too-large").forward(request, response);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
