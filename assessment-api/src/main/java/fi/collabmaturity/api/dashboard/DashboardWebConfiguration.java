package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.api.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * The dashboards' language: {@code ?lang=fi|sv|en} picks it and a cookie remembers it; without either, Finnish
 * (the users are Finnish). The API is left as it was: it chooses its language per request from {@code lang} or
 * Accept-Language itself ({@link Languages}), and outside the dashboards this resolver falls back to the
 * request's Accept-Language exactly like Spring's default resolver.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardWebConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "ui-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // a cookie the browser (or anyone) garbled is ignored like a missing one, instead of failing every request
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(request -> isDashboard(request) ? Locale.forLanguageTag("fi")
                : request.getLocale());
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).addPathPatterns("/", "/ui", "/ui/**", "/login");
    }

    static boolean isDashboard(HttpServletRequest request) {
        String path = request.getServletPath();
        return "/".equals(path) || "/login".equals(path) || path.equals("/ui") || path.startsWith("/ui/");
    }

    /** Only the product's three languages are accepted; anything else in {@code lang} is ignored. */
    static final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null && Languages.SUPPORTED.contains(lang)) {
                LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils
                        .getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, Locale.forLanguageTag(lang));
                }
            }
            return true;
        }
    }
}
