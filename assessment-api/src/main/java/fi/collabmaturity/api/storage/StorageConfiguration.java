package fi.collabmaturity.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both storage modes share: the read models and the processors' tokens live in one MongoDB database (the
 * embedded server or the production one), so a projection and its token are stored together.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    MongoDatabase readModelDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    TokenStore tokenStore(MongoClient client, StorageProperties properties,
                          Serializer serializer) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build())
                .serializer(serializer);
        if (properties.embedded()) {
            // The embedded default is one process per data folder (H2 locks its file), so the processors' claims
            // belong to whoever runs on this folder: a fixed node id lets a restart after a crash take them over at
            // once instead of waiting for the dead process's claims to time out. With MongoDB, several instances
            // share the work and each keeps its own node id.
            builder.nodeId("embedded");
        }
        return builder.build();
    }
}
