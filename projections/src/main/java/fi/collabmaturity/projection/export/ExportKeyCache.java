package fi.collabmaturity.projection.export;

import fi.collabmaturity.privacy.ParticipantKey;
import fi.collabmaturity.privacy.ParticipantKeyStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the participant keys for the length of one export. A national study opens tens of thousands
 * of sealed values of a few thousand participants; asking the key store (a database) once per participant instead
 * of once per value keeps the export fast. It never creates or deletes a key.
 */
public final class ExportKeyCache implements ParticipantKeyStore {

    private final ParticipantKeyStore keys;
    private final Map<String, Optional<ParticipantKey>> found = new HashMap<>();

    public ExportKeyCache(ParticipantKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Optional<ParticipantKey> find(String participant) {
        return found.computeIfAbsent(participant, keys::find);
    }

    @Override
    public Optional<String> participantOf(String studyId, String pseudonym) {
        return keys.participantOf(studyId, pseudonym);
    }

    @Override
    public ParticipantKey obtain(String studyId, String pseudonym) {
        throw new UnsupportedOperationException("an export never creates participant keys");
    }

    @Override
    public boolean destroy(String participant) {
        throw new UnsupportedOperationException("an export never erases participants");
    }
}
