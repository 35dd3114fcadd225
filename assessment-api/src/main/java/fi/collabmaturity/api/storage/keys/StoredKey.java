package fi.collabmaturity.api.storage.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A participant key as a key store holds it: the participant reference, the study and pseudonym it belongs to, and
 * the raw AES key. Only the backup of keys ({@code --include-keys}) ever handles these outside a key store.
 */
public record StoredKey(String participant, String studyId, String pseudonym, byte[] key) {

    public StoredKey {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(studyId, "studyId");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(key, "key");
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredKey k && participant.equals(k.participant) && studyId.equals(k.studyId)
                && pseudonym.equals(k.pseudonym) && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(participant, studyId, pseudonym, Arrays.hashCode(key));
    }

    /** Never the key itself, not even in a log line or an assertion message. */
    @Override
    public String toString() {
        return "StoredKey[participant=" + participant + ", studyId=" + studyId + "]";
    }
}
