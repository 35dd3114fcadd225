package fi.collabmaturity.api.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.api.storage.readmodel.EmbeddedMongoServer;
import fi.collabmaturity.api.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log on the embedded H2 file, the read models, tokens and dead letters in the MongoDB of
 * ASSESSMENT_MONGO_URI. There is no real MongoDB on these machines, so an in-process MongoDB-wire server
 * (mongo-java-server, in memory) stands in for it; the application reaches it through the official driver exactly
 * as it would reach a replica set.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoReadModelsTest extends StorageCombinationContract {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final String URI = MONGO.bindAndGetConnectionString();
    static final Path DATA = TestData.freshFolder("mongo-read-models");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.mongo-uri", () -> URI);
        registry.add("assessment.storage.data-dir", DATA::toString);
        registry.add("assessment.admin-password", () -> PASSWORD);
    }


    @Autowired
    ApplicationContext context;

    @Override
    String eventLogProduct() {
        return "H2";
    }

    @Override
    void storedWhereExpected() {
        assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
        assertThat(DATA.resolve("events.mv.db")).exists();
        assertThat(DATA.resolve("readmodels.mv.db")).doesNotExist();
    }
}
