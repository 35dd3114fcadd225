package fi.collabmaturity.privacy;

/**
 * Personal data as it is kept in events and read models: encrypted (AES-GCM) with the key of one participant.
 * {@code participant} is that participant's random reference, which links their records (a panel) without saying
 * who they are; erasing the participant deletes the key, and this value can never be read again.
 *
 * @param participant the participant reference whose key encrypted this value
 * @param ciphertext  Base64 of the 12-byte nonce followed by the ciphertext and its tag
 */
public record Sealed(String participant, String ciphertext) {
}
