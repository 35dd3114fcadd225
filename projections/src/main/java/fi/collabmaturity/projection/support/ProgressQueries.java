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
     * while this count is, and answers from what it read last instead of asking the store on every request.
     * One count for all stores of the process: a write to another store only costs a needless re-read.
     */
    private static final AtomicLong LOCAL_WRITES = new AtomicLong();

    private final MongoDatabase database;
    private final boolean onlyWriter;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(long localWrites, Document asOf) {
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
        if (!onlyWriter) {
            return read(processor);
        }
        // the count is taken before the read: a write racing with it makes the next call read again
        long writes = LOCAL_WRITES.get();
        Remembered last = remembered.get(processor);
        if (last != null && last.localWrites() == writes) {
            return new Document(last.asOf());
        }
        Document asOf = read(processor);
        remembered.put(processor, new Remembered(writes, asOf));
        return new Document(asOf);
    }

    private Document read(String processor) {
        Document progress = database.getCollection(Progress.COLLECTION).find(Filters.eq("_id", processor)).first();
        if (progress == null) {
            return new Document("position", 0L).append("time", null);
        }
        Date time = progress.getDate("time");
        long position = progress.get("position") instanceof Number n ? n.longValue() : 0L;
        return new Document("position", position).append("time", time == null ? null : time.toInstant().toString());
    }

    public void forget(String processor) {
        database.getCollection(Progress.COLLECTION).deleteOne(Filters.eq("_id", processor));
        written();
    }
}
