package fi.collabmaturity.api.storage.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.storage.DataFolder;
import fi.collabmaturity.api.storage.StorageProperties;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The read models, with the processors' tokens and dead letters beside them in the same MongoDB database: the
 * MongoDB of ASSESSMENT_MONGO_URI (a replica set with majority writes; see docker-compose.yml) or, by default, an
 * in-process MongoDB-wire server on an H2 file in the data folder, spoken to with the same official driver.
 * The processors' dead-letter queues are registered with the processors, in AxonConfiguration (which knows their
 * names), on the read-model database made here: storage provides the database and knows nothing of Axon's processors.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedReadModels.class)
    EmbeddedMongoServer embeddedMongoServer(StorageProperties properties) {
        return new EmbeddedMongoServer(DataFolder.prepare(properties.dataPath()).resolve("readmodels.mv.db"));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StorageProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
        return MongoClients.create(properties.embeddedReadModels() ? embedded.getObject().connectionString()
                : properties.mongoUri());
    }

    @Bean
    MongoDatabase readModelDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    TokenStore tokenStore(MongoClient client, StorageProperties properties, Serializer serializer) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(template(client, properties))
                .serializer(serializer);
        if (properties.embeddedReadModels()) {
            // The embedded store is one process per data folder (H2 locks its file), so the processors' claims
            // belong to whoever runs on this folder: a fixed node id lets a restart after a crash take them over at
            // once instead of waiting for the dead process's claims to time out. With MongoDB, several instances
            // share the work and each keeps its own node id.
            builder.nodeId("embedded");
        }
        return builder.build();
    }

    private static DefaultMongoTemplate template(MongoClient client, StorageProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    /** No ASSESSMENT_MONGO_URI: the embedded read-model store. */
    static class EmbeddedReadModels implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("assessment.storage.mongo-uri");
            return uri == null || uri.isBlank();
        }
    }
}
