package fi.collabmaturity.api.operations.backup;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.storage.StorageProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the read-model store of a restore's target already holds. A restore refuses unless it is empty as well as the
 * event log: the processors' tokens live beside the read models, so projections that find their tokens there carry
 * on from them instead of rebuilding from the restored events, and the store would show another log's results.
 *
 * @param store    the store, for messages: the data folder, or the MongoDB database (never its credentials)
 * @param contents what makes it not empty; empty when it is empty
 */
record ReadModelStoreContents(String store, List<String> contents) {

    static final String READ_MODELS_FILE = "readmodels.mv.db";

    /** The read-model store the application would use with these settings, as it is now. */
    static ReadModelStoreContents of(StorageProperties storage) {
        return storage.embeddedReadModels() ? embedded(storage.dataPath())
                : mongo(storage.mongoUri(), storage.database());
    }

    /** The embedded store: its file in the data folder exists once the application has run there. */
    static ReadModelStoreContents embedded(Path folder) {
        List<String> contents = Files.exists(folder.resolve(READ_MODELS_FILE))
                ? List.of("read models and processor tokens in " + READ_MODELS_FILE
                + " (the application has run on this folder)")
                : List.of();
        return new ReadModelStoreContents("the data folder " + folder, contents);
    }

    /** A MongoDB database: any collection in it, named with its number of documents. */
    static ReadModelStoreContents mongo(String uri, String database) {
        ConnectionString connection = new ConnectionString(uri);
        String store = "the MongoDB database " + database + " at " + String.join(",", connection.getHosts());
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(connection)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(15, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase db = client.getDatabase(database);
            List<String> contents = new ArrayList<>();
            List<String> names = db.listCollectionNames().into(new ArrayList<>());
            names.sort(null);
            for (String name : names) {
                contents.add(db.getCollection(name).countDocuments() + " documents in the collection " + name);
            }
            return new ReadModelStoreContents(store, List.copyOf(contents));
        } catch (MongoException e) {
            throw new OperationRefused("cannot read " + store + ": " + e.getMessage(), e);
        }
    }
}
