package fi.collabmaturity.api.storage.keys;

import fi.collabmaturity.api.storage.DataFolder;
import fi.collabmaturity.api.storage.StorageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The participant keys follow the event log's switch: in the event log's PostgreSQL database when
 * ASSESSMENT_POSTGRES_URL is set, otherwise in an H2 file of their own in the data folder. The store opens its own
 * connection rather than one of the event log's pool (see {@link KeyDatabase}).
 */
@Configuration(proxyBeanMethods = false)
public class ParticipantKeyConfiguration {

    @Bean(destroyMethod = "close")
    JdbcParticipantKeyStore participantKeyStore(StorageProperties properties) {
        return properties.embeddedEventLog() ? JdbcParticipantKeyStore.h2(DataFolder.prepare(properties.dataPath()))
                : JdbcParticipantKeyStore.postgres(properties.postgresUrl(), properties.postgresUser(),
                properties.postgresPassword());
    }
}
