package fi.collabmaturity.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * Encrypts personal data (excerpts, comments, informant and respondent details) with the participant's own key,
 * AES-256-GCM with a random 96-bit nonce, the participant reference bound in as associated data so that a value
 * cannot be moved to another participant. The plaintext is the value's JSON.
 */
public final class PersonalDataSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ParticipantKeyStore keys;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    public PersonalDataSealer(ParticipantKeyStore keys) {
        this.keys = keys;
    }

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** The participant reference of a pseudonym, creating the participant's key on first use. */
    public String participantOf(String studyId, String pseudonym) {
        return keys.obtain(studyId, pseudonym).participant();
    }

    /** The participant reference of a pseudonym already known in the study (and not erased); creates no key. */
    public Optional<String> knownParticipant(String studyId, String pseudonym) {
        return keys.participantOf(studyId, pseudonym);
    }

    /**
     * Makes sure every one of these participants has a key, so that sealing their values later finds it ready
     * (a spreadsheet import creates its respondents' keys together rather than one by one).
     */
    public void prepareKeys(String studyId, Collection<String> pseudonyms) {
        keys.obtainAll(studyId, pseudonyms);
    }

    /** Seals a value with the key of the participant {@code pseudonym} of {@code studyId}. */
    public Sealed seal(String studyId, String pseudonym, Object value) {
        return seal(keys.obtain(studyId, pseudonym), value);
    }

    /** Seals a value with the key of a known participant; empty when that participant has been erased. */
    public Optional<Sealed> sealFor(String participant, Object value) {
        return keys.find(participant).map(key -> seal(key, value));
    }

    private Sealed seal(ParticipantKey key, Object value) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.participant().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(value));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new Sealed(key.participant(), Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    /** Opens a sealed value; empty when the participant has been erased (their key no longer exists). */
    public <T> Optional<T> open(Sealed sealed, Class<T> type) {
        if (sealed == null) {
            return Optional.empty();
        }
        Optional<ParticipantKey> key = keys.find(sealed.participant());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get().key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(sealed.participant().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(json.readValue(plain, type));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("personal data of " + sealed.participant() + " fails its integrity check", e);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open personal data", e);
        }
    }
}
