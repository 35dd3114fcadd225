package fi.collabmaturity.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Two independent storage switches. The event log (with the participant keys and idempotency records beside it):
 * PostgreSQL when {@code postgresUrl} (ASSESSMENT_POSTGRES_URL) is set, otherwise the embedded H2 file. The read
 * models (with the processors' tokens and dead letters beside them): the MongoDB of {@code mongoUri}
 * (ASSESSMENT_MONGO_URI) when set, otherwise the embedded store. Whatever is embedded lives under {@code dataDir}
 * (ASSESSMENT_DATA_DIR, default ./data).
 */
@ConfigurationProperties(prefix = "assessment.storage")
public record StorageProperties(String mongoUri, String dataDir, String database,
                                String postgresUrl, String postgresUser, String postgresPassword) {

    public StorageProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        database = database == null || database.isBlank() ? "assessment" : database;
    }

    /** The event log is the H2 file in the data folder (no ASSESSMENT_POSTGRES_URL). */
    public boolean embeddedEventLog() {
        return postgresUrl == null || postgresUrl.isBlank();
    }

    /** The read models are in the embedded store in the data folder (no ASSESSMENT_MONGO_URI). */
    public boolean embeddedReadModels() {
        return mongoUri == null || mongoUri.isBlank();
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
