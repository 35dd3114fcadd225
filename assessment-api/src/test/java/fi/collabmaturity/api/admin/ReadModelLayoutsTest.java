package fi.collabmaturity.api.admin;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.projection.maturity.MaturityProjection;
import fi.collabmaturity.projection.support.Progress;
import fi.collabmaturity.projection.support.ReadModelLayout;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which projections the layout check rebuilds, and that a rebuild which cannot start leaves the layout as it is and
 * the application starting. The rebuild itself on a real application: ReplayEqualsLiveTest. Here the processors are
 * stood in for by a ProjectionAdmin that records (or refuses) replays, because another instance holding a token
 * cannot be arranged inside one test process.
 */
class ReadModelLayoutsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final List<String> replayed = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("layouts");
        // maturity built before layouts were numbered; studies in its current layout; audit never built
        database.getCollection(Progress.COLLECTION).insertOne(new Document("_id", "maturity").append("flushes", 3L));
        database.getCollection(Progress.COLLECTION).insertOne(new Document("_id", "studies").append("layout", 1));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void onlyAProjectionInAnotherLayoutIsRebuiltAndItsLayoutRecorded() {
        ReadModelLayouts layouts = new ReadModelLayouts(database, admin(false));

        assertThat(layouts.rebuildOutdated()).containsExactly("maturity");
        assertThat(replayed).containsExactly("maturity");
        assertThat(ReadModelLayout.stored(database, "maturity")).isEqualTo(MaturityProjection.LAYOUT);
        assertThat(database.getCollection(Progress.COLLECTION).find(Filters.eq("_id", "audit")).first())
                .as("nothing built, nothing recorded").isNull();

        assertThat(layouts.rebuildOutdated()).isEmpty();
        assertThat(replayed).hasSize(1);
    }

    @Test
    void aRebuildThatCannotStartLeavesTheLayoutForTheNextStart() {
        ReadModelLayouts refused = new ReadModelLayouts(database, admin(true));

        assertThat(refused.rebuildOutdated()).isEmpty();
        assertThat(ReadModelLayout.stored(database, "maturity")).isEqualTo(1);

        assertThat(new ReadModelLayouts(database, admin(false)).rebuildOutdated()).containsExactly("maturity");
    }

    private ProjectionAdmin admin(boolean tokenHeldElsewhere) {
        return new ProjectionAdmin(null, null) {
            @Override
            public void replay(String name) {
                if (tokenHeldElsewhere) {
                    throw new IllegalStateException("Unable to claim token '" + name + "[0]'");
                }
                replayed.add(name);
            }
        };
    }
}
