package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Which layout of a projection's read models the store holds, kept in the projection's progress document. Each
 * projection numbers its layout and raises the number when its documents change shape; the application compares
 * the numbers at start and rebuilds a projection whose store holds another layout from the event log (read models
 * are derived data: the events are the record).
 */
public final class ReadModelLayout {

    static final String FIELD = "layout";

    /** No progress document: the projection has written nothing yet, so there is nothing to rebuild. */
    public static final int NOTHING_BUILT = 0;

    private ReadModelLayout() {
    }

    /**
     * The layout of the projection's stored read models; 1 for a store from before layouts were numbered, and
     * {@link #NOTHING_BUILT} when the projection has not written yet.
     */
    public static int stored(MongoDatabase database, String processor) {
        Document progress = database.getCollection(Progress.COLLECTION).find(Filters.eq("_id", processor)).first();
        if (progress == null) {
            return NOTHING_BUILT;
        }
        return progress.get(FIELD) instanceof Number n ? n.intValue() : 1;
    }

    /** Records the layout once the projection's read models are being rebuilt in it. */
    public static void record(MongoDatabase database, String processor, int layout) {
        database.getCollection(Progress.COLLECTION).updateOne(Filters.eq("_id", processor),
                Updates.set(FIELD, layout), new UpdateOptions().upsert(true));
        ProgressQueries.written();
    }
}
