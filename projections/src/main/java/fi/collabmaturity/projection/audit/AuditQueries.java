package fi.collabmaturity.projection.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pages of a study's audit trail, in log order, filtered as the administrator asks. */
public final class AuditQueries {

    public static final String PROCESSOR = AuditCollections.PROCESSOR;

    /** What to select; null fields do not filter. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(String studyId, String user, String action, Instant from, Instant to, String areaId,
                         String waveId) {
    }

    /** A page of entries; {@code newestFirst} reverses the log order. */
    public record EntriesQuery(Filter filter, int page, int size, boolean newestFirst) {
    }

    /**
     * One event of the study: where in the log, when, by whom, which aggregate (null for none) and what it was
     * about. {@code summary} holds the non-personal fields of the event's payload ({@link AuditSummary}): its keys
     * are those of the event's type, so it is an open map, not a record.
     */
    public record AuditEntry(long position, String time, String user, String action, Aggregate aggregate,
                             String eventId, Map<String, Object> summary) {
    }

    /** The aggregate an event belongs to, and the event's sequence number in it. */
    public record Aggregate(String type, String id, long sequence) {
    }

    private final MongoDatabase database;

    public AuditQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public AuditPage handle(EntriesQuery entriesQuery) {
        Filter filter = entriesQuery.filter();
        int page = entriesQuery.page();
        int size = entriesQuery.size();
        boolean newestFirst = entriesQuery.newestFirst();
        Bson query = query(filter);
        MongoCollection<Document> entries = database.getCollection(AuditCollections.ENTRIES);
        long total = entries.countDocuments(query);
        Bson order = newestFirst ? Sorts.descending("position", "aggregate.id", "aggregate.sequence")
                : Sorts.ascending("position", "aggregate.id", "aggregate.sequence");
        List<AuditEntry> content = new ArrayList<>();
        long skip = (long) page * size;
        if (skip < total) {
            for (Document doc : entries.find(query).sort(order).skip((int) skip).limit(size)) {
                content.add(entry(doc));
            }
        }
        return new AuditPage(content, page, size, total);
    }

    private static Bson query(Filter filter) {
        List<Bson> all = new ArrayList<>(List.of(Filters.eq("studyId", filter.studyId())));
        if (filter.user() != null) {
            all.add(Filters.eq("user", filter.user()));
        }
        if (filter.action() != null) {
            all.add(Filters.eq("action", filter.action()));
        }
        if (filter.from() != null) {
            all.add(Filters.gte("time", Date.from(filter.from())));
        }
        if (filter.to() != null) {
            all.add(Filters.lt("time", Date.from(filter.to())));
        }
        if (filter.areaId() != null) {
            all.add(Filters.eq("areaIds", filter.areaId()));
        }
        if (filter.waveId() != null) {
            all.add(Filters.eq("waveId", filter.waveId()));
        }
        return Filters.and(all);
    }

    private static AuditEntry entry(Document doc) {
        Document aggregate = doc.get("aggregate", Document.class);
        return new AuditEntry(((Number) doc.get("position")).longValue(), doc.getDate("time").toInstant().toString(),
                doc.getString("user"), doc.getString("action"), aggregate == null ? null
                : new Aggregate(aggregate.getString("type"), aggregate.getString("id"),
                        ((Number) aggregate.get("sequence")).longValue()),
                doc.getString("_id"), new LinkedHashMap<>(doc.get("summary", new Document())));
    }
}
