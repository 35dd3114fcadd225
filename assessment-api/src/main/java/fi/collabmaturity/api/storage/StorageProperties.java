package fi.collabmaturity.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The one storage switch: with {@code mongoUri} (ASSESSMENT_MONGO_URI) everything lives in that MongoDB;
 * without it, the embedded default keeps everything under {@code dataDir} (ASSESSMENT_DATA_DIR, default ./data).
 */
@ConfigurationProperties(prefix = "assessment.storage")
public record StorageProperties(String mongoUri, String dataDir, String database) {

    public StorageProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        database = database == null || database.isBlank() ? "assessment" : database;
    }

    public boolean embedded() {
        return mongoUri == null || mongoUri.isBlank();
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
