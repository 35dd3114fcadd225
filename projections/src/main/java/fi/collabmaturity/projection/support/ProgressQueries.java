package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Reads how far a projection has got, for the {@code asOf} of its results. */
public final class ProgressQueries {

    /**
     * Counts every write of a progress document by this process (a flush, a replay forgetting one). A process that
     * is the only writer of its read-model store (the embedded default) knows that a progress document is unchanged
     * while this count is, and answers from the snapshot it read last instead of asking the store on every request.
     * One count for all stores of the process: a write to another store only costs a needless re-read.
     */
    private static final AtomicLong LOCAL_WRITES = new AtomicLong();

    private final MongoDatabase database;
    private final boolean onlyWriter;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(long localWrites, Snapshot snapshot) {
    }

    /** For a store that other processes may write too (MongoDB shared by several instances): always asks it. */
    public ProgressQueries(MongoDatabase database) {
        this(database, false);
    }

    /**
     * @param onlyWriter true when no other process writes this store's progress documents (the embedded default,
     *                   whose read-model server runs inside this process)
     */
    public ProgressQueries(MongoDatabase database, boolean onlyWriter) {
        this.database = database;
        this.onlyWriter = onlyWriter;
    }

    /** Called after this process wrote a progress document, before the write is visible to anything it affects. */
    static void written() {
        LOCAL_WRITES.incrementAndGet();
    }

    /** {position, time} of the last event the projection handled; position 0 and no time before the first. */
    public Document asOf(String processor) {
        return snapshot(processor).asOf();
    }

    /**
     * How far a projection has got ({@code asOf}) and a version of its read models that changes whenever any of
     * them changed: results computed from them may be reused for as long as the version stays the same. The
     * version is read from the store, not from this process, so it holds when several instances share it.
     */
    public record Snapshot(String version, Document asOf) {
    }

    public Snapshot snapshot(String processor) {
        if (!onlyWriter) {
            return read(processor);
        }
        // the count is taken before the read: a write racing with it makes the next call read again
        long writes = LOCAL_WRITES.get();
        Remembered last = remembered.get(processor);
        if (last != null && last.localWrites() == writes) {
            return new Snapshot(last.snapshot().version(), new Document(last.snapshot().asOf()));
        }
        Snapshot snapshot = read(processor);
        remembered.put(processor, new Remembered(writes, snapshot));
        return new Snapshot(snapshot.version(), new Document(snapshot.asOf()));
    }

    private Snapshot read(String processor) {
        Document progress = database.getCollection(Progress.COLLECTION).find(Filters.eq("_id", processor)).first();
        if (progress == null) {
            return new Snapshot("none", new Document("position", 0L).append("time", null));
        }
        Date time = progress.getDate("time");
        long position = progress.get("position") instanceof Number n ? n.longValue() : 0L;
        Document asOf = new Document("position", position)
                .append("time", time == null ? null : time.toInstant().toString());
        return new Snapshot(progress.get("epoch") + ":" + progress.get("flushes") + ":" + position, asOf);
    }

    public void forget(String processor) {
        database.getCollection(Progress.COLLECTION).deleteOne(Filters.eq("_id", processor));
        written();
    }
}
