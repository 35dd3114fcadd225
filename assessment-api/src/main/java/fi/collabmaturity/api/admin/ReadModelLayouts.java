package fi.collabmaturity.api.admin;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.projection.support.ReadModelLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Upgrades read models whose documents changed shape in this version: at start, a projection whose store holds
 * another layout than the one it writes is rebuilt from the event log, as the replay endpoint does. Until the
 * rebuild catches up its answers are incomplete, as during any replay (the projection status says "replaying").
 * With several instances on one MongoDB, start one new instance first; the others find the layout recorded.
 */
@Component
public class ReadModelLayouts {

    private static final Logger log = LoggerFactory.getLogger(ReadModelLayouts.class);
    private final MongoDatabase readModels;
    private final ProjectionAdmin projections;

    public ReadModelLayouts(MongoDatabase readModelDatabase, ProjectionAdmin projections) {
        this.readModels = readModelDatabase;
        this.projections = projections;
    }

    /** Rebuilds every projection built in another layout; answers which ones it rebuilt. */
    @EventListener(ApplicationReadyEvent.class)
    public List<String> rebuildOutdated() {
        List<String> rebuilt = new ArrayList<>();
        for (String processor : AxonConfiguration.PROCESSORS) {
            int layout = AxonConfiguration.LAYOUTS.get(processor);
            int stored = ReadModelLayout.stored(readModels, processor);
            if (stored != ReadModelLayout.NOTHING_BUILT && stored != layout) {
                log.warn("the read models of projection {} are in layout {} and this version writes layout {}: "
                        + "rebuilding them from the event log", processor, stored, layout);
                projections.replay(processor);
                // recorded after the reset: a stop before it only means the next start rebuilds again
                ReadModelLayout.record(readModels, processor, layout);
                rebuilt.add(processor);
            }
        }
        return rebuilt;
    }
}
