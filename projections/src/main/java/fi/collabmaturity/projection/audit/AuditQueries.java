package fi.collabmaturity.projection.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
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

    public record Page(List<Map<String, Object>> content, int page, int size, long totalElements) {
    }

    private final MongoDatabase database;

    public AuditQueries(MongoDatabase database) {
        this.database = database;
    }

    /** A page of entries; {@code newestFirst} reverses the log order. */
    public Page entries(Filter filter, int page, int size, boolean newestFirst) {
        Bson query = query(filter);
        MongoCollection<Document> entries = database.getCollection(AuditCollections.ENTRIES);
        long total = entries.countDocuments(query);
        Bson order = newestFirst ? Sorts.descending("position", "aggregate.id", "aggregate.sequence")
                : Sorts.ascending("position", "aggregate.id", "aggregate.sequence");
        List<Map<String, Object>> content = new ArrayList<>();
        long skip = (long) page * size;
        if (skip < total) {
            for (Document doc : entries.find(query).sort(order).skip((int) skip).limit(size)) {
                content.add(entry(doc));
            }
        }
        return new Page(content, page, size, total);
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

    private static Map<String, Object> entry(Document doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", ((Number) doc.get("position")).longValue());
        out.put("time", doc.getDate("time").toInstant().toString());
        out.put("user", doc.getString("user"));
        out.put("action", doc.getString("action"));
        Document aggregate = doc.get("aggregate", Document.class);
        if (aggregate == null) {
            out.put("aggregate", null);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("type", aggregate.getString("type"));
            a.put("id", aggregate.getString("id"));
            a.put("sequence", ((Number) aggregate.get("sequence")).longValue());
            out.put("aggregate", a);
        }
        out.put("eventId", doc.getString("_id"));
        out.put("summary", new LinkedHashMap<>(doc.get("summary", new Document())));
        return out;
    }
}
