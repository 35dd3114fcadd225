package fi.collabmaturity.api.storage.keys;

import java.util.List;

/**
 * A key store's side of backup and restore: every key it holds (erased participants have none), and putting one
 * back exactly as it was (same participant reference, same key), so that the restored events' sealed personal data
 * opens again.
 */
public interface ParticipantKeyArchive {

    /** Every key, ordered by study and pseudonym. */
    List<StoredKey> exportKeys();

    /** Stores a key as it was; a participant or pseudonym that already has a key is an error. */
    void importKey(StoredKey key);

    /** The number of keys held. */
    long keyCount();
}
