package fi.collabmaturity.projection.audit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import fi.collabmaturity.projection.support.FlushAtBatchEnd;
import fi.collabmaturity.projection.support.ReadModelReset;
import fi.collabmaturity.projection.support.Progress;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The audit trail as administrators read it: one entry per event of the log (who, when, which action on which
 * aggregate, and a summary of its non-personal fields), keyed by the event's identifier, so that handling an event
 * again (after a crash) finds its entry already there, the same one, and keeps it. Built from the event metadata the
 * command side records ({@code username}, copied from the command by a correlation data provider).
 *
 * <p>A projection rather than a scan of the event log: a study's audit is a filtered, paged query, and a scan would
 * read (and deserialise) the whole log for every page. Events without a study (accounts, interface themes) are kept
 * too, with no study id, so that a global audit can be added without a replay.
 */
@ProcessingGroup(AuditCollections.PROCESSOR)
public class AuditProjection {

    /** The version of this projection's read-model layout: raise it when documents change shape (see MaturityProjection). */
    public static final int LAYOUT = 1;

    static final String USER = "username";
    private final MongoDatabase database;

    public AuditProjection(MongoDatabase database) {
        this.database = database;
        ensureIndexes();
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        Document summary = AuditSummary.of(payload);
        Document entry = new Document("_id", event.getIdentifier())
                .append("position", Progress.positionOf(
                        event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null))
                .append("time", Date.from(event.getTimestamp()))
                .append("user", event.getMetaData().get(USER) instanceof String user ? user : null)
                .append("action", simpleName(event.getPayloadType()))
                .append("aggregate", aggregate(event))
                .append("studyId", summary.getString("studyId"))
                .append("areaIds", areaIds(summary))
                .append("waveId", summary.getString("waveId"))
                .append("summary", summary);
        FlushAtBatchEnd.pending().stageEntry(AuditCollections.ENTRIES, entry);
    }

    @ResetHandler
    void reset() {
        ReadModelReset.drop(database, AuditCollections.ENTRIES);
        ensureIndexes();
    }

    private void ensureIndexes() {
        database.getCollection(AuditCollections.ENTRIES).createIndex(
                Indexes.ascending("studyId", "position", "aggregate.id", "aggregate.sequence"),
                new IndexOptions().name("study_log_order"));
    }

    private static Document aggregate(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return new Document("type", domain.getType()).append("id", domain.getAggregateIdentifier())
                    .append("sequence", domain.getSequenceNumber());
        }
        return null;
    }

    private static List<String> areaIds(Document summary) {
        List<String> out = new ArrayList<>();
        if (summary.getString("areaId") != null) {
            out.add(summary.getString("areaId"));
        }
        if (summary.get("areaIds") instanceof List<?> list) {
            list.forEach(a -> out.add((String) a));
        }
        return out;
    }

    static String simpleName(Class<?> type) {
        return type == null ? null : type.getSimpleName();
    }
}
