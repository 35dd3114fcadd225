package fi.collabmaturity.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Idempotency keys in the event log's database (H2 or PostgreSQL), claimed in the same transaction as the events. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(DataSource dataSource) {
        return new JdbcIdempotencyStore(new JdbcTemplate(dataSource));
    }

    /** A handler interceptor bean: Axon's auto-configuration registers it with the command bus. */
    @Bean
    IdempotencyClaim idempotencyClaim(IdempotencyStore store) {
        return new IdempotencyClaim(store);
    }

    /** Not a servlet filter of its own: it runs inside the security chain, after authentication. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    IdempotencyFilter idempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        return new IdempotencyFilter(store, json);
    }
}
