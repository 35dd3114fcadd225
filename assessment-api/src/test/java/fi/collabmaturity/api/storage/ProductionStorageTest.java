package fi.collabmaturity.api.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import fi.collabmaturity.api.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production combination: the event log on a real PostgreSQL server, the read models in MongoDB (the
 * in-memory mongo-java-server stands in for a replica set, which these machines cannot run). Nothing of either
 * store is in the data folder.
 */
@RequiresPostgres
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionStorageTest extends StorageCombinationContract {

    static final Path DATA = TestData.freshFolder("production-storage");
    static MongoServer mongo;
    static RealPostgres.Database database;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        mongo = new MongoServer(new MemoryBackend());
        String uri = mongo.bindAndGetConnectionString();
        database = RealPostgres.newDatabase("production");
        database.register(registry);
        registry.add("assessment.storage.mongo-uri", () -> uri);
        registry.add("assessment.storage.data-dir", DATA::toString);
        registry.add("assessment.admin-password", () -> PASSWORD);
    }


    @Override
    String eventLogProduct() {
        return "PostgreSQL";
    }

    @Override
    void storedWhereExpected() throws java.sql.SQLException {
        keysAreInTheEventLogDatabase();
        try (Stream<Path> files = Files.exists(DATA) ? Files.list(DATA) : Stream.empty()) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".db")))
                    .as("no store in the data folder").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
