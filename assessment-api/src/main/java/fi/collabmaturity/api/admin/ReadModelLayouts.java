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
 *
 * <p>With several instances on one MongoDB: stop every instance of the earlier version first (it would keep writing
 * and reading the old shape), then start one of the new version and let it begin the rebuild before starting the
 * others. A rebuild that cannot start (another instance holds the projection's token) is logged and left; the
 * next start, or the replay endpoint, does it.
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

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        rebuildOutdated();
    }

    /** Rebuilds every projection built in another layout; answers which ones it started rebuilding. */
    public List<String> rebuildOutdated() {
        List<String> rebuilt = new ArrayList<>();
        for (String processor : AxonConfiguration.PROCESSORS) {
            int layout = AxonConfiguration.LAYOUTS.get(processor);
            int stored = ReadModelLayout.stored(readModels, processor);
            if (stored == ReadModelLayout.NOTHING_BUILT || stored == layout) {
                continue;
            }
            log.warn("the read models of projection {} are in layout {} and this version writes layout {}: "
                    + "rebuilding them from the event log", processor, stored, layout);
            try {
                projections.replay(processor);
            } catch (RuntimeException e) {
                // e.g. another instance holds the token: the application still starts, on the old read models
                log.error("could not start rebuilding projection {} (still in layout {}); stop the other instances "
                        + "and restart, or POST /api/v1/admin/projections/{}/replay", processor, stored, processor, e);
                continue;
            }
            // recorded after the reset: a stop before it only means the next start rebuilds again
            ReadModelLayout.record(readModels, processor, layout);
            rebuilt.add(processor);
        }
        return rebuilt;
    }
}
