package fi.collabmaturity.api;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.audit.AuditProjection;
import fi.collabmaturity.projection.audit.AuditQueries;
import fi.collabmaturity.projection.maturity.MaturityProjection;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.projection.maturity.ProfileBuilder;
import fi.collabmaturity.projection.studies.StudiesProjection;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.projection.support.ProgressQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The read side's projections and queries (plain classes of the projections module) as beans. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    StudiesProjection studiesProjection(MongoDatabase readModelDatabase) {
        return new StudiesProjection(readModelDatabase);
    }

    @Bean
    StudiesQueries studiesQueries(MongoDatabase readModelDatabase) {
        return new StudiesQueries(readModelDatabase);
    }

    @Bean
    SituationalPicture situationalPicture(MongoDatabase readModelDatabase) {
        return new SituationalPicture(readModelDatabase);
    }

    /** Dates shown to users are Finnish dates. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Helsinki"));
    }

    @Bean
    MaturityProjection maturityProjection(MongoDatabase readModelDatabase, FrameworkCatalog frameworks) {
        return new MaturityProjection(readModelDatabase, new ProfileBuilder(frameworks));
    }

    @Bean
    ProgressQueries progressQueries(MongoDatabase readModelDatabase) {
        return new ProgressQueries(readModelDatabase);
    }

    @Bean
    MaturityQueries maturityQueries(MongoDatabase readModelDatabase) {
        return new MaturityQueries(readModelDatabase);
    }

    @Bean
    AuditProjection auditProjection(MongoDatabase readModelDatabase) {
        return new AuditProjection(readModelDatabase);
    }

    @Bean
    AuditQueries auditQueries(MongoDatabase readModelDatabase) {
        return new AuditQueries(readModelDatabase);
    }
}
