package fi.collabmaturity.api.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.privacy.ParticipantKey;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.shared.Normalization;
import org.bson.conversions.Bson;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.spec.SecretKeySpec;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Participant keys in MongoDB, one document per participant; a unique index keeps one key per pseudonym. New keys
 * are stored under the pseudonym as {@link Normalization} makes it; a lookup also asks for the decomposed form (NFD),
 * so that a participant whose key was stored before pseudonyms were normalised is still found.
 */
public class MongoParticipantKeyStore implements ParticipantKeyStore, ParticipantKeyArchive {

    private final MongoCollection<Document> keys;

    public MongoParticipantKeyStore(MongoDatabase database) {
        this.keys = database.getCollection("participant_keys");
        keys.createIndex(Indexes.ascending("studyId", "pseudonym"), new IndexOptions().unique(true));
    }

    /** The forms a pseudonym may have been stored in: normalised (NFC, trimmed), or decomposed before that. */
    static List<String> storedForms(String pseudonym) {
        String normalized = Normalization.normalize(pseudonym);
        String decomposed = Normalizer.normalize(normalized, Normalizer.Form.NFD);
        return normalized.equals(decomposed) ? List.of(normalized) : List.of(normalized, decomposed);
    }

    private static Bson ofPseudonym(String studyId, String pseudonym) {
        return Filters.and(Filters.eq("studyId", studyId), Filters.in("pseudonym", storedForms(pseudonym)));
    }

    @Override
    public ParticipantKey obtain(String studyId, String given) {
        String pseudonym = Normalization.normalize(given);
        for (int attempt = 0; attempt < 3; attempt++) {
            // the normalised form first: of two keys that differ only in form, the normalised one is the participant
            Document existing = keys.find(ofPseudonym(studyId, pseudonym)).sort(Sorts.descending("pseudonym"))
                    .first();
            if (existing != null) {
                return key(existing);
            }
            ParticipantKey created = new ParticipantKey(UUID.randomUUID().toString(), PersonalDataSealer.newKey());
            try {
                keys.insertOne(keyDocument(created.participant(), studyId, pseudonym, created.key().getEncoded()));
                return created;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("cannot obtain a key for a participant of study " + studyId);
    }

    /**
     * The keys of a spreadsheet's respondents: one query for those already known and one unordered insert of the
     * others, instead of a query and an insert per respondent. A key that another writer stored first (a duplicate
     * key error) is that participant's key; any other error fails the call.
     */
    @Override
    public void obtainAll(String studyId, Collection<String> pseudonyms) {
        Set<String> missing = new LinkedHashSet<>();
        pseudonyms.forEach(pseudonym -> missing.add(Normalization.normalize(pseudonym)));
        if (missing.isEmpty()) {
            return;
        }
        List<String> forms = missing.stream().flatMap(pseudonym -> storedForms(pseudonym).stream()).toList();
        for (Document known : keys.find(Filters.and(Filters.eq("studyId", studyId), Filters.in("pseudonym", forms)))
                .projection(Projections.include("pseudonym"))) {
            missing.remove(Normalization.normalize(known.getString("pseudonym")));
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Document> created = new ArrayList<>();
        for (String pseudonym : missing) {
            created.add(keyDocument(UUID.randomUUID().toString(), studyId, pseudonym,
                    PersonalDataSealer.newKey().getEncoded()));
        }
        try {
            keys.insertMany(created, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<ParticipantKey> find(String participant) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", participant)).first()).map(MongoParticipantKeyStore::key);
    }

    @Override
    public Optional<String> participantOf(String studyId, String pseudonym) {
        return Optional.ofNullable(keys.find(ofPseudonym(studyId, pseudonym)).sort(Sorts.descending("pseudonym"))
                .first()).map(d -> d.getString("_id"));
    }

    @Override
    public boolean destroy(String participant) {
        return keys.deleteOne(Filters.eq("_id", participant)).getDeletedCount() > 0;
    }

    @Override
    public List<StoredKey> exportKeys() {
        List<StoredKey> out = new ArrayList<>();
        for (Document doc : keys.find().sort(Sorts.ascending("studyId", "pseudonym"))) {
            out.add(new StoredKey(doc.getString("_id"), doc.getString("studyId"), doc.getString("pseudonym"),
                    doc.get("key", Binary.class).getData()));
        }
        return out;
    }

    @Override
    public void importKey(StoredKey key) {
        keys.insertOne(keyDocument(key.participant(), key.studyId(), key.pseudonym(), key.key()));
    }

    private static Document keyDocument(String participant, String studyId, String pseudonym, byte[] key) {
        return new Document("_id", participant).append("studyId", studyId).append("pseudonym", pseudonym)
                .append("key", new Binary(key));
    }

    @Override
    public long keyCount() {
        return keys.countDocuments();
    }

    private static ParticipantKey key(Document doc) {
        return new ParticipantKey(doc.getString("_id"), new SecretKeySpec(doc.get("key", Binary.class).getData(), "AES"));
    }
}
