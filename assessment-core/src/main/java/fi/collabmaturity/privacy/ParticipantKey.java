package fi.collabmaturity.privacy;

import javax.crypto.SecretKey;

/** A participant's reference and the key their personal data is encrypted with. */
public record ParticipantKey(String participant, SecretKey key) {
}
