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
        Document progress = database.getCollection(Progress.COLLECTION).find(Filters.eq("_id", processor)).first();
        if (progress == null) {
            return new Document("position", 0L).append("time", null);
        }
        Date time = progress.getDate("time");
        return new Document("position", ((Number) progress.get("position")).longValue())
                .append("time", time == null ? null : time.toInstant().toString());
    }

    public void forget(String processor) {
        database.getCollection(Progress.COLLECTION).deleteOne(Filters.eq("_id", processor));
    }
}
