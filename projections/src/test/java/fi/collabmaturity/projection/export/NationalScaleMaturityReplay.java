package fi.collabmaturity.projection.export;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.maturity.MaturityProjection;
import fi.collabmaturity.projection.maturity.ResultBuilder;
import fi.collabmaturity.projection.support.ProjectionBatches;
import fi.collabmaturity.reference.RegionCatalog;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For measuring by hand (not part of the suite: run it by name, {@code -Dtest=NationalScaleMaturityReplay}): the
 * maturity projection replaying the national-scale study of {@link NationalScaleExport} (352 areas × 3 waves,
 * about 360,000 events) in batches of 500, as the processor does, into an in-memory store. Prints the time.
 */
class NationalScaleMaturityReplay {

    @Test
    void replaysTheNationalStudy() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("read");
            ProjectionBatches batches = new ProjectionBatches(new MaturityProjection(database,
                    new ResultBuilder(FrameworkCatalog.fromClasspath())), database, "maturity",
                    MaturityProjection.LAYOUT);
            List<EventMessage<?>> batch = new ArrayList<>();
            long[] events = {0};
            long started = System.nanoTime();
            NationalScaleExport.generate(new PersonalDataSealer(new InMemoryParticipantKeyStore()),
                    RegionCatalog.fromClasspath(), payload -> {
                        String aggregate = payload instanceof AreaRegistered a ? a.areaId() : "e" + events[0];
                        batch.add(batches.tracked(payload.getClass().getSimpleName(), aggregate, payload, "admin"));
                        events[0]++;
                        if (batch.size() == 500) {
                            batches.handle(batch);
                            batch.clear();
                        }
                    });
            batches.handle(batch);
            double seconds = (System.nanoTime() - started) / 1e9;
            long profiles = database.getCollection("maturity_profiles").countDocuments();
            System.out.printf("maturity replay of %d events: %.1f s, %d profiles%n", events[0], seconds, profiles);
            assertThat(profiles).isEqualTo(352L * 3);
        } finally {
            server.shutdown();
        }
    }
}
