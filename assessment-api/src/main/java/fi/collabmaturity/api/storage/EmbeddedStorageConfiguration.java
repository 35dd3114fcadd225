package fi.collabmaturity.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The embedded default: the event log in Axon's JDBC store on an H2 file database, the processors' tokens and the
 * read models in an in-process MongoDB-wire-compatible server, everything under the data folder.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStorageCondition.class)
public class EmbeddedStorageConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(StorageProperties properties) {
        return new EmbeddedMongoServer(dataFolder(properties).resolve("readmodels.mv.db"));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedMongoServer server) {
        return MongoClients.create(server.connectionString());
    }

    /**
     * H2 in PostgreSQL mode, so that Axon's Postgres table factory creates the schema. WRITE_DELAY=0 makes every
     * commit reach the file before the write is acknowledged: with H2's default (500 ms) a killed process loses the
     * last half second of committed events (measured here).
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StorageProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-log");
        config.setJdbcUrl(eventLogUrl(dataFolder(properties)));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          org.axonframework.config.Configuration configuration) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(1000)
                .readEventDataWithGaps(new BoundedGapQuery())
                .build();
        transactionManager.executeInTransaction(() -> engine.createSchema(PostgresEventTableFactory.INSTANCE));
        return engine;
    }

    /**
     * The dead-letter table of Axon's JDBC sequenced dead-letter queue (the queues themselves are configured by
     * Axon's JDBC auto-configuration for processors with {@code dlq.enabled}).
     */
    @Bean
    DeadLetterSchema deadLetterSchema(DataSource dataSource) {
        DeadLetterSchema schema = DeadLetterSchema.defaultSchema();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            new GenericDeadLetterTableFactory() {
                // Axon's statements create the indexes unconditionally, which fails on every start but the first,
                // and use BLOB, which H2 does not know in PostgreSQL mode
                @Override
                protected String serializedDataType() {
                    return "BYTEA";
                }

                @Override
                protected String processingGroupIndexSql(DeadLetterSchema s) {
                    return super.processingGroupIndexSql(s).replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS");
                }

                @Override
                protected String sequenceIdentifierIndexSql(DeadLetterSchema s) {
                    return super.sequenceIdentifierIndexSql(s).replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS");
                }
            }.createTableStatement(connection, schema).executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the dead-letter table", e);
        }
        return schema;
    }

    @Bean(destroyMethod = "close")
    H2ParticipantKeyStore participantKeyStore(StorageProperties properties) {
        return new H2ParticipantKeyStore(dataFolder(properties));
    }

    @Bean
    EventLogPositions eventLogPositions(EventStorageEngine engine, DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new EventLogPositions() {
            @Override
            public long positionOfEvents(List<String> ids) {
                if (ids.isEmpty()) {
                    return head();
                }
                String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
                Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry WHERE eventIdentifier IN ("
                        + marks + ")", Long.class, ids.toArray());
                return max == null ? head() : max;
            }

            @Override
            public boolean reached(TrackingToken processorToken, long position) {
                TrackingToken token = EventLogPositions.current(processorToken);
                if (token instanceof GapAwareTrackingToken gapAware) {
                    return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
                }
                return token != null && token.position().orElse(-1) >= position;
            }

            @Override
            public long head() {
                TrackingToken head = engine.createHeadToken();
                return head == null ? 0 : head.position().orElse(0);
            }

            @Override
            public TrackingToken tokenAt(long position) {
                return GapAwareTrackingToken.newInstance(position, Collections.emptySet());
            }

            @Override
            public long positionOf(TrackedEventMessage<?> event) {
                return event.trackingToken().position().orElseThrow();
            }

            @Override
            public String kind() {
                return "global_index";
            }
        };
    }

    /**
     * The embedded event log's JDBC URL in a data folder (the backup and restore command opens it the same way).
     * The database closes with its last connection (the pool's, at the end of the application's shutdown), not in
     * H2's own shutdown hook, which ran beside Spring's and closed it under the processors still reading events (an
     * error in the log at every stop). WRITE_DELAY=0: every commit is on disk when it returns.
     */
    public static String eventLogUrl(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.resolve("events") + ";MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The data folder, readable by this user only ({@link DataFolder}). */
    static Path dataFolder(StorageProperties properties) {
        return DataFolder.prepare(properties.dataPath());
    }

    /**
     * Once every store has opened its files (created with the process umask), they are made owner-only as well;
     * the event log's file exists from the schema's creation on, before this runs.
     */
    @Bean
    org.springframework.beans.factory.SmartInitializingSingleton dataFolderTightened(StorageProperties properties) {
        return () -> DataFolder.tighten(properties.dataPath());
    }
}
