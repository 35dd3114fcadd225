package fi.collabmaturity.api.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.Date;
import java.util.Optional;

/**
 * Idempotency keys in MongoDB. MongoDB's event store writes outside any transaction we share, so here the claim
 * is written just before the command's events: a crash between the two leaves a claimed key without events, and a
 * retry with it answers 409 rather than writing twice.
 */
public class MongoIdempotencyStore implements IdempotencyStore {

    private final MongoCollection<Document> keys;

    public MongoIdempotencyStore(MongoDatabase database) {
        this.keys = database.getCollection("idempotency_keys");
    }

    private static String id(String username, String key) {
        return username + '\u0000' + key;
    }

    @Override
    public Optional<Entry> find(String username, String key) {
        Document d = keys.find(Filters.eq("_id", id(username, key))).first();
        if (d == null) {
            return Optional.empty();
        }
        Document r = d.get("response", Document.class);
        return Optional.of(new Entry(d.getString("fingerprint"), d.getString("location"), r == null ? null
                : new StoredResponse(r.getInteger("status"), r.getString("contentType"), r.getString("location"),
                r.getString("position"), r.getString("etag"), r.getString("body"))));
    }

    @Override
    public void claim(String username, String key, String fingerprint, String location) {
        try {
            keys.insertOne(new Document("_id", id(username, key)).append("fingerprint", fingerprint)
                    .append("location", location).append("createdAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new KeyAlreadyClaimedException();
            }
            throw e;
        }
    }

    @Override
    public void complete(String username, String key, StoredResponse r) {
        keys.updateOne(Filters.eq("_id", id(username, key)), Updates.set("response",
                new Document("status", r.status()).append("contentType", r.contentType())
                        .append("location", r.location()).append("position", r.position())
                        .append("etag", r.etag()).append("body", r.body())));
    }

    @Override
    public void release(String username, String key) {
        keys.deleteOne(Filters.and(Filters.eq("_id", id(username, key)), Filters.exists("response", false)));
    }
}
