package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read-model writes of one batch of events, staged by the event handlers and written in bulk at the end of
 * the batch, before the processor stores its token (see {@link FlushAtBatchEnd}). Every staged write must be
 * idempotent (a $set by key, an upsert), because after a crash the batch is handled again.
 */
public final class PendingWrites {

    /** Work that runs after the staged writes of the batch are in the store, such as recomputing profiles. */
    public interface AfterWrites {
        void run(MongoDatabase database);
    }

    private final MongoDatabase database;
    private final String processor;
    private Progress progress;
    private final Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
    private final Map<String, AfterWrites> afterWrites = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private boolean flushed;

    PendingWrites(MongoDatabase database, String processor) {
        this.database = database;
        this.processor = processor;
    }

    void handled(Progress progress) {
        this.progress = progress;
    }

    public void stage(String collection, WriteModel<Document> write) {
        writes.computeIfAbsent(collection, c -> new ArrayList<>()).add(write);
    }

    /** Registers work for the end of the batch once per key, however many events asked for it. */
    public void afterWrites(String key, AfterWrites work) {
        afterWrites.putIfAbsent(key, work);
    }

    /** Per-batch state of a projection (e.g. the keys the batch touched), created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key, Supplier<T> initial) {
        return (T) attributes.computeIfAbsent(key, k -> initial.get());
    }

    public boolean isEmpty() {
        return writes.isEmpty() && afterWrites.isEmpty();
    }

    void flush() {
        if (flushed) {
            return;
        }
        flushed = true;
        BulkWriteOptions ordered = new BulkWriteOptions().ordered(true);
        writes.forEach((collection, models) -> database.getCollection(collection).bulkWrite(models, ordered));
        afterWrites.values().forEach(work -> work.run(database));
        if (progress != null) {
            database.getCollection(Progress.COLLECTION).replaceOne(Filters.eq("_id", processor),
                    new Document("_id", processor).append("position", progress.position())
                            .append("time", Date.from(progress.time())),
                    new ReplaceOptions().upsert(true));
        }
    }
}
