package fi.collabmaturity.privacy;

import fi.collabmaturity.shared.Normalization;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A key store that forgets everything when the process ends: for tests and tools, never for recorded studies. */
public final class InMemoryParticipantKeyStore implements ParticipantKeyStore {

    private final Map<String, ParticipantKey> byParticipant = new ConcurrentHashMap<>();
    private final Map<String, String> byPseudonym = new ConcurrentHashMap<>();

    /** Pseudonyms are compared as {@link Normalization} makes them. */
    private static String pseudonymKey(String studyId, String pseudonym) {
        return studyId + '\u0000' + Normalization.normalize(pseudonym);
    }

    @Override
    public synchronized ParticipantKey obtain(String studyId, String pseudonym) {
        String existing = byPseudonym.get(pseudonymKey(studyId, pseudonym));
        if (existing != null) {
            return byParticipant.get(existing);
        }
        ParticipantKey key = new ParticipantKey(UUID.randomUUID().toString(), PersonalDataSealer.newKey());
        byParticipant.put(key.participant(), key);
        byPseudonym.put(pseudonymKey(studyId, pseudonym), key.participant());
        return key;
    }

    @Override
    public Optional<ParticipantKey> find(String participant) {
        return Optional.ofNullable(byParticipant.get(participant));
    }

    @Override
    public Optional<String> participantOf(String studyId, String pseudonym) {
        return Optional.ofNullable(byPseudonym.get(pseudonymKey(studyId, pseudonym)));
    }

    @Override
    public synchronized boolean destroy(String participant) {
        byPseudonym.values().removeIf(participant::equals);
        return byParticipant.remove(participant) != null;
    }
}
