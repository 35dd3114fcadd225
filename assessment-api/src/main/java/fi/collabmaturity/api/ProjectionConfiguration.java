package fi.collabmaturity.api;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.audit.AuditProjection;
import fi.collabmaturity.projection.audit.AuditQueries;
import fi.collabmaturity.projection.maturity.MaturityProjection;
import fi.collabmaturity.projection.maturity.MaturityQueryHandlers;
import fi.collabmaturity.projection.maturity.ResultBuilder;
import fi.collabmaturity.projection.studies.QuestionnaireQueries;
import fi.collabmaturity.projection.studies.StudiesProjection;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.api.storage.StorageProperties;
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
    QuestionnaireQueries questionnaireQueries(MongoDatabase readModelDatabase) {
        return new QuestionnaireQueries(readModelDatabase);
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
        return new MaturityProjection(readModelDatabase, new ResultBuilder(frameworks));
    }

    /**
     * On the embedded default this process is the only writer of the read-model store (its server runs inside the
     * process), so how far each projection got is known without asking the store on every read; on MongoDB other
     * instances write too, so the store is asked.
     */
    @Bean
    ProgressQueries progressQueries(MongoDatabase readModelDatabase, StorageProperties storage) {
        return new ProgressQueries(readModelDatabase, storage.embeddedReadModels());
    }

    /** The maturity results' query handlers: as a bean, Axon's Spring support subscribes them to the query bus. */
    @Bean
    MaturityQueryHandlers maturityQueryHandlers(MongoDatabase readModelDatabase, ProgressQueries progress,
                                                FrameworkCatalog frameworks) {
        return new MaturityQueryHandlers(readModelDatabase, progress, frameworks);
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
