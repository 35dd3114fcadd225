package fi.collabmaturity.api.operations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.api.storage.MongoParticipantKeyStore;
import fi.collabmaturity.api.storage.ParticipantKeyArchive;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB mode's event log: Axon's {@code domainevents} collection (one document per event, in the layout of
 * Axon's {@code EventEntry}: the serialized payload and metadata as the JSON strings the serializer wrote) and the
 * {@code participant_keys} collection, in the database the application uses. Log order is Axon's tracking order:
 * by timestamp, then sequence number.
 *
 * <p>MongoDB has no multi-document transaction on a standalone server: a restore that fails half-way drops what it
 * wrote (the database was empty before it started), so that it can simply be run again.
 */
public final class MongoEventLogStore implements EventLogStore {

    private static final EventEntryConfiguration FIELDS = EventEntryConfiguration.getDefault();
    private static final int BATCH = 1000;

    private final MongoDatabase database;
    private final MongoTemplate template;
    private final String name;
    private MongoParticipantKeyStore keys;

    public MongoEventLogStore(MongoClient client, String database) {
        this.database = client.getDatabase(database);
        this.template = DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
        this.name = database;
    }

    @Override
    public String positions() {
        return "event_time_epoch_ms";
    }

    @Override
    public String describe() {
        return "the MongoDB database " + name;
    }

    @Override
    public List<String> contents() {
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            long documents = database.getCollection(collection).countDocuments();
            if (documents > 0) {
                found.add(documents + " documents in the collection " + collection);
            }
        }
        return found;
    }

    @Override
    public void read(EventSink sink) {
        for (Document doc : template.eventCollection().find()
                .sort(Sorts.ascending(FIELDS.timestampProperty(), FIELDS.sequenceNumberProperty()))
                .batchSize(BATCH)) {
            String id = doc.getString(FIELDS.eventIdentifierProperty());
            sink.accept(new StoredEvent(null, id, doc.getString(FIELDS.typeProperty()),
                    doc.getString(FIELDS.aggregateIdentifierProperty()),
                    ((Number) doc.get(FIELDS.sequenceNumberProperty())).longValue(),
                    doc.getString(FIELDS.timestampProperty()), doc.getString(FIELDS.payloadTypeProperty()),
                    doc.getString(FIELDS.payloadRevisionProperty()),
                    bytes(doc.get(FIELDS.payloadProperty()), id), bytes(doc.get(FIELDS.metaDataProperty()), id)));
        }
    }

    @Override
    public void write(EventSource source, Runnable beforeCommit) {
        MongoCollection<Document> events = template.eventCollection();
        try {
            new DocumentPerEventStorageStrategy().ensureIndexes(events, template.snapshotCollection());
            List<Document> batch = new ArrayList<>(BATCH);
            source.forEach(event -> {
                batch.add(document(event));
                if (batch.size() == BATCH) {
                    events.insertMany(batch, new InsertManyOptions().ordered(true));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                events.insertMany(batch, new InsertManyOptions().ordered(true));
            }
            beforeCommit.run();
        } catch (RuntimeException e) {
            events.drop();
            template.snapshotCollection().drop();
            if (e instanceof OperationRefused refused) {
                throw new OperationRefused(refused.getMessage() + " (what had been written was dropped again)", e);
            }
            throw new OperationRefused("the restore into " + describe() + " failed; what had been written was"
                    + " dropped again: " + e.getMessage(), e);
        }
    }

    @Override
    public ParticipantKeyArchive keys() {
        if (keys == null) {
            keys = new MongoParticipantKeyStore(database);
        }
        return keys;
    }

    @Override
    public void close() {
        // the client belongs to the caller
    }

    /** The document Axon's {@code EventEntry} writes for an event, field for field and in its order. */
    private static Document document(StoredEvent event) {
        return new Document(FIELDS.aggregateIdentifierProperty(), event.aggregateIdentifier())
                .append(FIELDS.typeProperty(), event.aggregateType())
                .append(FIELDS.sequenceNumberProperty(), event.sequenceNumber())
                .append(FIELDS.payloadProperty(), text(event.payload(), event, "payload"))
                .append(FIELDS.timestampProperty(), event.timestamp())
                .append(FIELDS.payloadTypeProperty(), event.payloadType())
                .append(FIELDS.payloadRevisionProperty(), event.payloadRevision())
                .append(FIELDS.metaDataProperty(), text(event.metaData(), event, "metadata"))
                .append(FIELDS.eventIdentifierProperty(), event.eventIdentifier());
    }

    private static String text(byte[] bytes, StoredEvent event, String what) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new OperationRefused("the " + what + " of event " + event.eventIdentifier()
                    + " is not UTF-8 text; MongoDB keeps serialized events as strings");
        }
    }

    private static byte[] bytes(Object stored, String eventId) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (stored instanceof Binary binary) {
            return binary.getData();
        }
        if (stored instanceof byte[] raw) {
            return raw;
        }
        throw new OperationRefused("event " + eventId + " is stored as " + stored.getClass().getSimpleName()
                + ", not as serialized text: this backup supports the Jackson serializer's JSON strings only");
    }
}
