package fi.collabmaturity.api.storage.eventlog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.collabmaturity.api.storage.DataFolder;
import fi.collabmaturity.api.storage.StorageProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The event log: Axon's JDBC storage with the PostgreSQL schema ({@link PostgresEventTableFactory}), on the
 * PostgreSQL server of ASSESSMENT_POSTGRES_URL or, by default, on an H2 file in PostgreSQL mode in the data folder.
 * The same engine, schema and positions (the global index) in both. The participant keys and the idempotency
 * records live in the same database ({@code ParticipantKeyConfiguration}, {@code IdempotencyConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class EventLogConfiguration {

    /**
     * The pool is named {@code event-log}: its metrics at /actuator/prometheus are {@code hikaricp_connections_*}
     * with {@code pool="event-log"}.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StorageProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-log");
        config.setMaximumPoolSize(16);
        if (properties.embeddedEventLog()) {
            config.setJdbcUrl(h2Url(DataFolder.prepare(properties.dataPath())));
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(properties.postgresUrl());
            config.setUsername(properties.postgresUser());
            config.setPassword(properties.postgresPassword());
            config.addDataSourceProperty("ApplicationName", "collab-maturity");
        }
        return new HikariDataSource(config);
    }

    /** Closed before the pool (it uses it), so a rewrite in progress finishes before the database closes. */
    @Bean(destroyMethod = "close")
    EmbeddedEventLogCompaction eventLogCompaction(StorageProperties properties, DataSource dataSource) {
        return properties.embeddedEventLog() ? EmbeddedEventLogCompaction.every(dataSource)
                : EmbeddedEventLogCompaction.none();
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

    @Bean
    EventLogPositions eventLogPositions(EventStorageEngine engine, DataSource dataSource) {
        return new GlobalIndexPositions(engine, dataSource);
    }

    /**
     * The embedded event log's JDBC URL in a data folder (the backup and restore command opens it the same way).
     * The database closes with its last connection (the pool's, at the end of the application's shutdown), not in
     * H2's own shutdown hook, which ran beside Spring's and closed it under the processors still reading events (an
     * error in the log at every stop). WRITE_DELAY=0: every commit is on disk when it returns (with H2's default of
     * 500 ms a killed process loses the last half second of committed events). MAX_COMPACT_TIME=10000: a normal
     * stop gives the file back the space freed while it was open (up to 10 s; H2's default of 200 ms left a file of
     * 1.96 GB with 10 % of it in use after the national benchmark, which 3 s brought down to 177 MB);
     * {@link EmbeddedEventLogCompaction} keeps the chunks themselves filled while it runs. CACHE_SIZE: see
     * {@link #H2_CACHE_KB}.
     */
    public static String h2Url(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.resolve("events")
                + ";MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=10000;CACHE_SIZE="
                + H2_CACHE_KB;
    }

    /**
     * The embedded log's page cache, KB: a sixteenth of the heap, from 4 to 16 MB. H2's default is 16 MB at any
     * heap, an eighth of the export's 128 MB, where the export and a replay read the log once in order; from 256 MB
     * of heap up it is that default.
     */
    static final int H2_CACHE_KB =
            (int) Math.max(4 << 10, Math.min(16 << 10, Runtime.getRuntime().maxMemory() / 16 / 1024));

    /**
     * Once every store has opened its files (created with the process umask), they are made owner-only as well;
     * the event log's file exists from the schema's creation on, before this runs.
     */
    @Bean
    SmartInitializingSingleton dataFolderTightened(StorageProperties properties) {
        return () -> DataFolder.tighten(properties.dataPath());
    }
}
