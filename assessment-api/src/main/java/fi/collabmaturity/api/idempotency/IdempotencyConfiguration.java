package fi.collabmaturity.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Idempotency keys: in the embedded H2 database (same transaction as events) or in MongoDB. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(ObjectProvider<DataSource> dataSource, MongoDatabase readModelDatabase) {
        DataSource jdbc = dataSource.getIfAvailable();
        return jdbc != null ? new JdbcIdempotencyStore(new JdbcTemplate(jdbc))
                : new MongoIdempotencyStore(readModelDatabase);
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
