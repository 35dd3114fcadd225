package fi.collabmaturity.api.storage.readmodel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 database in a cheaper storage format: documents are stored as BSON
 * ({@link DocumentValueType}) and the unique indexes compare their keys value by value ({@link IndexKeyType});
 * H2's default type does both with Java serialization. The documents keep their maps: they hold values of both
 * formats, old ones are rewritten in the new one as they change.
 *
 * <p>The index maps have their own names ({@code <db>.<collection>._keys_<index>}): the maps under H2's names
 * ({@code ._index_<index>}) are ordered by the serialized bytes, which the new comparison cannot search. A store
 * written by an earlier version opens with the new maps empty, and mongo-java-server fills an empty index from
 * the collection's documents when it opens it; the old map is then removed. This happens while the store is
 * opened, before the first commit ({@link EmbeddedMongoServer}), so a crash leaves either the old index or the
 * whole new one on disk. The way back does not work: a version without this class cannot read the BSON values
 * (H2's type does not know the tag) and fails to open the store. Going back means deleting the read-model file;
 * the projections then rebuild it from the event log.
 */
final class ReadModelDatabase extends H2Database {

    /** The names H2Database gives a collection's maps (the backend finds its databases by the first). */
    private static final String DOCUMENTS = "databases.";
    private static final String META = "meta.";
    private static final String KEYS = "._keys_";
    private static final String LEGACY = "._index_";
    private final MVStore store;

    ReadModelDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
        // H2Database's constructor opens the collections and indexes before this class has its store; now
        super.initializeNamespacesAndIndexes();
    }

    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
        return new ReadModelCollection(this, collection, options, store, getFullCollectionNamespace(collection),
                cursorRegistry);
    }

    /**
     * A collection that does not keep its data size. mongo-java-server keeps it for {@code collStats} by encoding
     * the whole document to BSON on every insert, and the old and the new document on every update, only to count
     * bytes: in a profile of the ingest that was two fifths of the store's command time, growing with the size of
     * the document updated (an area-wave's evidence). Nothing here asks for a collection's size; {@code collStats}
     * reports what the counter held when this version first opened the collection.
     */
    private static final class ReadModelCollection extends H2Collection {

        /** Opens the collection's maps under H2Database's names: its documents, stored as BSON, and H2's metadata. */
        ReadModelCollection(MongoDatabase database, String name, CollectionOptions options, MVStore store,
                            String namespace, CursorRegistry cursors) {
            super(database, name, options, store.openMap(DOCUMENTS + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentValueType())),
                    store.openMap(META + namespace), cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                    boolean sparse) {
        String prefix = getFullCollectionNamespace(collection);
        store.removeMap(prefix + LEGACY + index); // if there is one
        MVMap<KeyValue, Object> map = store.openMap(prefix + KEYS + index,
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        return new UniqueKeyIndex(map, index, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String index) {
        super.dropIndex(collection, index);
        store.removeMap(getFullCollectionNamespace(collection.getCollectionName()) + KEYS + index);
    }
}
