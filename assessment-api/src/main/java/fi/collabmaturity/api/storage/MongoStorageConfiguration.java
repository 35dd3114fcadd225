package fi.collabmaturity.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.axonframework.common.DateTimeUtils;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import org.axonframework.eventhandling.TrackedEventMessage;
import fi.collabmaturity.api.axon.AxonConfiguration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Production: the event log (Axon's MongoEventStorageEngine), the tokens, the participant keys and the read models
 * all in the MongoDB of ASSESSMENT_MONGO_URI (a replica set with majority writes; see docker-compose.yml). No
 * embedded server is started.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStorageCondition.Mongo.class)
public class MongoStorageConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StorageProperties properties) {
        return MongoClients.create(properties.mongoUri());
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          MongoClient client, StorageProperties properties,
                                          org.axonframework.config.Configuration configuration) {
        return MongoEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build())
                .build();
    }

    /** Dead letters of the projections in MongoDB (the JDBC queue serves the embedded default). */
    @Bean
    ConfigurerModule mongoDeadLetterQueues(MongoClient client, StorageProperties properties, Serializer serializer) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.database()).build();
        return configurer -> configurer.eventProcessing(processing -> {
            for (String processor : AxonConfiguration.PROCESSORS) {
                processing.registerDeadLetterQueue(processor, c -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(processor).mongoTemplate(template).serializer(serializer)
                        .transactionManager(NoTransactionManager.INSTANCE).build());
            }
        });
    }

    @Bean
    ParticipantKeyStore participantKeyStore(MongoDatabase readModelDatabase) {
        return new MongoParticipantKeyStore(readModelDatabase);
    }

    /**
     * MongoDB's event log has no global index: positions are event times in epoch milliseconds, and the head is the
     * time of the newest event (indexed by the engine's timestamp index).
     */
    @Bean
    EventLogPositions eventLogPositions(MongoClient client, StorageProperties properties) {
        MongoCollection<Document> events = client.getDatabase(properties.database()).getCollection("domainevents");
        return new EventLogPositions() {
            @Override
            public long positionOfEvents(List<String> ids) {
                if (ids.isEmpty()) {
                    return head();
                }
                Document newest = events.find(new Document("eventIdentifier", new Document("$in", ids)))
                        .sort(Sorts.descending("timestamp")).limit(1).first();
                return newest == null ? head()
                        : DateTimeUtils.parseInstant(newest.getString("timestamp")).toEpochMilli();
            }

            @Override
            public boolean reached(TrackingToken processorToken, long position) {
                TrackingToken token = EventLogPositions.current(processorToken);
                return token != null && token.covers(tokenAt(position));
            }

            @Override
            public long head() {
                Document newest = events.find().sort(Sorts.descending("timestamp")).limit(1)
                        .projection(new Document("timestamp", 1)).first();
                return newest == null ? 0 : DateTimeUtils.parseInstant(newest.getString("timestamp")).toEpochMilli();
            }

            @Override
            public TrackingToken tokenAt(long position) {
                return MongoTrackingToken.of(Instant.ofEpochMilli(position), Collections.emptyMap());
            }

            @Override
            public long positionOf(TrackedEventMessage<?> event) {
                return event.getTimestamp().toEpochMilli();
            }

            @Override
            public String kind() {
                return "event_time_epoch_ms";
            }
        };
    }
}
