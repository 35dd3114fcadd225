package fi.collabmaturity.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.api.storage.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export with ASSESSMENT_MONGO_URI set (read models in MongoDB): positions are still the event log's global
 * index, and an export asOf the head is the same bytes as the export of the head.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportMongoTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final String URI;

    static {
        MONGO.bind("127.0.0.1", 0);
        URI = "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort();
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.mongo-uri", () -> URI);
        registry.add("assessment.storage.data-dir", () -> TestData.freshFolder("export-mongo").toString());
        registry.add("assessment.admin-password", () -> "mongo-admin");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;

    @Test
    void exportsAtGlobalIndexPositions() throws Exception {
        ApiClient api = new ApiClient(port, "admin", "mongo-admin");
        long last = SliceScenario.record(api, "mongo-export");
        long head = positions.head();
        assertThat(head).isEqualTo(last);

        ExportZip zip = ExportZip.get(port, "admin", "mongo-admin", "/api/v1/studies/mongo-export/export");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        JsonNode manifest = new ObjectMapper().readTree(zip.file("manifest.json"));
        assertThat(manifest.path("positionKind").asText()).isEqualTo("global_index");
        assertThat(manifest.path("eventPosition").asLong()).isEqualTo(head);
        // the slice's trust: answers 2.0, 2.0, 2.5 (see SliceScenario)
        assertThat(zip.file("scores_long.csv")).contains(",lapland-hyte,21,hyte,trust,self_assessments,3,2.167,0.289,"
                + "1.450,2.884,,,sufficient,keast-mandell-2014,1.1.0\n");
        assertThat(zip.file("self_assessments_long.csv").lines().count()).isEqualTo(1 + 5 + 4 + 5);
        assertThat(ExportZip.get(port, "admin", "mongo-admin", "/api/v1/studies/mongo-export/export?asOf=" + head)
                .bytes()).isEqualTo(zip.bytes());
    }
}
