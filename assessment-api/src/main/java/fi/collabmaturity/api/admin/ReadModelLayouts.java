package fi.collabmaturity.api.admin;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.projection.support.ReadModelLayout;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Upgrades read models whose documents changed shape in this version: at start, a projection whose store holds
 * another layout than the one it writes is rebuilt from the event log by {@link ProjectionAdmin#replay}, which also
 * records the new layout. Until the rebuild catches up its answers are incomplete, as during any replay (the
 * projection status says "replaying").
 *
 * <p>With several instances on one MongoDB: stop every instance of the earlier version first (it would keep writing
 * and reading the old shape), then start the new ones. The first to reset the projection rebuilds it; while it holds
 * the projection the others cannot reset it, and they start without rebuilding.
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
                rebuilt.add(processor);
            } catch (UnableToClaimTokenException e) {
                // another instance holds the projection; Axon refused before changing anything
                if (ReadModelLayout.stored(readModels, processor) == layout) {
                    log.info("another instance is rebuilding projection {}", processor);
                } else {
                    log.error("could not rebuild projection {}, still in layout {}: another instance holds it (an "
                            + "instance of the earlier version?). Stop it and restart this one, or POST "
                            + "/api/v1/admin/projections/{}/replay", processor, stored, processor, e);
                }
            }
        }
        return rebuilt;
    }
}
