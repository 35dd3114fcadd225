package fi.collabmaturity.privacy;

import java.util.Collection;
import java.util.Optional;

/**
 * Holds one key per participant (a pseudonym within a study). Deleting a key is what erasure means: everything
 * encrypted with it becomes unreadable, in the event log and in every read model, without rewriting history.
 * Implementations must make a key durable before they return it, since an event encrypted with a lost key is lost.
 * Pseudonyms are compared as {@link fi.collabmaturity.shared.Normalization} makes them (NFC, trimmed), also against
 * keys stored before pseudonyms were normalised, so that a participant recorded earlier in a decomposed form is
 * still found under the composed one.
 */
public interface ParticipantKeyStore {

    /** The participant's key, created on first use. */
    ParticipantKey obtain(String studyId, String pseudonym);

    /**
     * The keys of many participants of one study at once, creating those not seen before: a store that can make
     * them durable together (one commit instead of one per participant) overrides this.
     */
    default void obtainAll(String studyId, Collection<String> pseudonyms) {
        pseudonyms.forEach(pseudonym -> obtain(studyId, pseudonym));
    }

    /** The key of a participant reference, or empty once the participant has been erased. */
    Optional<ParticipantKey> find(String participant);

    /** The reference of a pseudonym in a study, if the participant is known and not erased. */
    Optional<String> participantOf(String studyId, String pseudonym);

    /** Deletes the participant's key; returns false if there was none. */
    boolean destroy(String participant);
}
