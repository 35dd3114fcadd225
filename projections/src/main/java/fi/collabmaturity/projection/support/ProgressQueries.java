package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Date;

/** Reads how far a projection has got, for the {@code asOf} of its results. */
public final class ProgressQueries {

    private final MongoDatabase database;

    public ProgressQueries(MongoDatabase database) {
        this.database = database;
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
    }
}
