package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;

import java.util.HashSet;
import java.util.Set;

/** What a projection's reset handler does with its collections before a rebuild. */
public final class ReadModelReset {

    private ReadModelReset() {
    }

    /**
     * Drops those of the collections that exist. MongoDB ignores a drop of a missing collection, but the embedded
     * store answers it with an error that it also logs with a stack trace (a projection that never wrote to one of
     * its collections, such as the interface themes of a study without new themes).
     */
    public static void drop(MongoDatabase database, String... collections) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (String collection : collections) {
            if (existing.contains(collection)) {
                database.getCollection(collection).drop();
            }
        }
    }
}
