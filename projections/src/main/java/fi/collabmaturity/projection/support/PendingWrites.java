package fi.collabmaturity.projection.support;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final int layout;
    private Progress progress;
    private final Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
    /** Write-once documents by collection ({@link #stageEntry}), inserted rather than upserted. */
    private final Map<String, List<Document>> entries = new LinkedHashMap<>();
    private final Map<String, AfterWrites> afterWrites = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private boolean flushed;

    PendingWrites(MongoDatabase database, String processor) {
        this(database, processor, 1);
    }

    /** @param layout the projection's read-model layout, recorded when its progress document is first written */
    PendingWrites(MongoDatabase database, String processor, int layout) {
        this.database = database;
        this.processor = processor;
        this.layout = layout;
    }

    void handled(Progress progress) {
        this.progress = progress;
    }

    public void stage(String collection, WriteModel<Document> write) {
        if (entries.containsKey(collection)) {
            throw new IllegalStateException(collection + " already has entries in this batch");
        }
        List<WriteModel<Document>> models = writes.computeIfAbsent(collection, c -> new ArrayList<>());
        Map<BsonValue, Merged> open = openUpdates.computeIfAbsent(collection, c -> new HashMap<>());
        UpdateOneModel<Document> update = write instanceof UpdateOneModel<Document> u ? u : null;
        BsonValue id = update == null ? null : idOf(update.getFilter());
        BsonDocument operators = id == null ? null : mergeable(update);
        if (operators == null) {
            // a write of another shape: nothing staged before it may be merged past it
            open.clear();
            models.add(write);
            return;
        }
        Merged merged = open.get(id);
        if (merged != null && merged.add(operators)) {
            models.set(merged.index, merged.model());
            return;
        }
        Merged started = new Merged(models.size(), update.getFilter(), update.getOptions());
        started.add(operators);
        open.put(id, started);
        models.add(started.model());
    }

    /*
     * Coalescing. A batch often updates one document many times (every self-assessment of an area and wave sets a
     * field of the same evidence document; every finding of a wave a field of the same codings document). A
     * document store applies each update to the whole document, so n updates of a document with n fields cost n²;
     * on the embedded store (mongo-java-server, which copies, compares and sizes the whole document per update)
     * that was most of a replay's time. Consecutive updates of one document by _id that only $set and $max are
     * therefore merged into one: a later $set of the same path wins, $max keeps the larger value, and a path that
     * overlaps another (a.b and a.b.c), the same path under the other operator, or a write of any other shape
     * starts a new update, so the result is the same as applying them one by one.
     */

    private static final Set<String> MERGEABLE = Set.of("$set", "$max");
    private final Map<String, Map<BsonValue, Merged>> openUpdates = new HashMap<>();

    private BsonValue idOf(Bson filter) {
        BsonDocument doc = filter.toBsonDocument(BsonDocument.class, database.getCodecRegistry());
        if (doc.size() != 1 || !doc.containsKey("_id") || doc.get("_id").isDocument()) {
            return null;
        }
        return doc.get("_id");
    }

    private BsonDocument mergeable(UpdateOneModel<Document> update) {
        UpdateOptions options = update.getOptions();
        if (update.getUpdate() == null || !options.isUpsert() || options.getArrayFilters() != null
                || options.getHint() != null || options.getHintString() != null || options.getCollation() != null) {
            return null;
        }
        BsonDocument operators = update.getUpdate().toBsonDocument(BsonDocument.class, database.getCodecRegistry());
        for (Map.Entry<String, BsonValue> op : operators.entrySet()) {
            if (!MERGEABLE.contains(op.getKey()) || !op.getValue().isDocument()) {
                return null;
            }
        }
        return operators;
    }

    /** One staged update of one document, into which later updates of that document are merged. */
    private static final class Merged {
        final int index;
        final Bson filter;
        final UpdateOptions options;
        final Map<String, BsonDocument> operators = new LinkedHashMap<>();
        final Map<String, String> operatorOfPath = new HashMap<>();
        final Set<String> prefixes = new HashSet<>();

        Merged(int index, Bson filter, UpdateOptions options) {
            this.index = index;
            this.filter = filter;
            this.options = options;
        }

        /** Merges the update in, or changes nothing and answers false when one of its paths conflicts. */
        boolean add(BsonDocument update) {
            for (Map.Entry<String, BsonValue> op : update.entrySet()) {
                for (Map.Entry<String, BsonValue> field : op.getValue().asDocument().entrySet()) {
                    if (conflicts(op.getKey(), field.getKey(), field.getValue())) {
                        return false;
                    }
                }
            }
            for (Map.Entry<String, BsonValue> op : update.entrySet()) {
                BsonDocument target = operators.computeIfAbsent(op.getKey(), k -> new BsonDocument());
                for (Map.Entry<String, BsonValue> field : op.getValue().asDocument().entrySet()) {
                    String path = field.getKey();
                    BsonValue previous = target.get(path);
                    if (previous == null || op.getKey().equals("$set")
                            || previous.asNumber().doubleValue() < field.getValue().asNumber().doubleValue()) {
                        target.put(path, field.getValue());
                    }
                    operatorOfPath.put(path, op.getKey());
                    for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                        prefixes.add(path.substring(0, dot));
                    }
                }
            }
            return true;
        }

        private boolean conflicts(String operator, String path, BsonValue value) {
            String existing = operatorOfPath.get(path);
            if (existing != null) {
                return !existing.equals(operator) || operator.equals("$max")
                        && (!value.isNumber() || !operators.get(operator).get(path).isNumber());
            }
            if (prefixes.contains(path)) {
                return true; // a staged path lies inside this one
            }
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                if (operatorOfPath.containsKey(path.substring(0, dot))) {
                    return true; // this path lies inside a staged one
                }
            }
            return false;
        }

        UpdateOneModel<Document> model() {
            BsonDocument update = new BsonDocument();
            operators.forEach(update::put);
            return new UpdateOneModel<>(filter, update, options);
        }
    }

    /**
     * Stages a document that is written once and never changed (an audit entry), by its own {@code _id}. Entries
     * are inserted, which costs a document store less than an upsert (no lookup, no update document); an entry
     * already in the store (the batch handled again after a crash) stays as it is, which is the same entry.
     * A collection takes either entries or other writes within a batch, not both.
     */
    public void stageEntry(String collection, Document entry) {
        if (writes.containsKey(collection)) {
            throw new IllegalStateException(collection + " already has other writes in this batch");
        }
        entries.computeIfAbsent(collection, c -> new ArrayList<>()).add(entry);
    }

    private void insertEntries(String collection, List<Document> documents) {
        try {
            database.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // unordered: every other entry was inserted; only duplicates of entries already stored are expected. A
            // write-concern error means the inserts may not last (e.g. a primary stepping down): the batch fails.
            if (e.getWriteConcernError() != null || e.getWriteErrors().isEmpty()
                    || e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static final int DUPLICATE_KEY = 11000;

    /** Registers work for the end of the batch once per key, however many events asked for it. */
    public void afterWrites(String key, AfterWrites work) {
        afterWrites.putIfAbsent(key, work);
    }

    /** Per-batch state of a projection (e.g. the keys the batch touched), created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key, Supplier<T> initial) {
        return (T) attributes.computeIfAbsent(key, k -> initial.get());
    }

    /** How many writes of the collection are staged (after merging); for tests. */
    int stagedWrites(String collection) {
        return writes.getOrDefault(collection, List.of()).size();
    }

    public boolean isEmpty() {
        return writes.isEmpty() && entries.isEmpty() && afterWrites.isEmpty();
    }

    void flush() {
        if (flushed) {
            return;
        }
        flushed = true;
        BulkWriteOptions ordered = new BulkWriteOptions().ordered(true);
        writes.forEach((collection, models) -> database.getCollection(collection).bulkWrite(models, ordered));
        entries.forEach(this::insertEntries);
        afterWrites.values().forEach(work -> work.run(database));
        // The progress document is written last, so that a reader who sees it sees everything before it.
        List<Bson> progressUpdates = new ArrayList<>();
        if (progress != null) {
            progressUpdates.add(Updates.set("position", progress.position()));
            progressUpdates.add(Updates.set("time", Date.from(progress.time())));
        }
        if (progress != null || !isEmpty()) {
            // a store built from nothing holds this layout; an existing one keeps the layout it records, which the
            // application checks at start (see ReadModelLayout)
            progressUpdates.add(Updates.setOnInsert(ReadModelLayout.FIELD, layout));
            try {
                database.getCollection(Progress.COLLECTION).updateOne(Filters.eq("_id", processor),
                        Updates.combine(progressUpdates), new UpdateOptions().upsert(true));
            } finally {
                ProgressQueries.written(); // also when the write failed: a needless re-read, never a stale one
            }
        }
    }
}
