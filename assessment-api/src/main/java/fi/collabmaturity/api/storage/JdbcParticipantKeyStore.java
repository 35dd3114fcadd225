package fi.collabmaturity.api.storage;

import fi.collabmaturity.privacy.ParticipantKey;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.spec.SecretKeySpec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Participant keys in the embedded H2 database, beside the event log: a key is committed (and on disk, see
 * WRITE_DELAY) before any event sealed with it. Deleting the row is the erasure.
 */
public class JdbcParticipantKeyStore implements ParticipantKeyStore {

    private final JdbcTemplate jdbc;

    public JdbcParticipantKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS participant_keys ("
                + "participant VARCHAR(36) PRIMARY KEY, study_id VARCHAR(64) NOT NULL, pseudonym VARCHAR(200) NOT NULL,"
                + " key_bytes BYTEA NOT NULL, CONSTRAINT participant_keys_pseudonym UNIQUE (study_id, pseudonym))");
    }

    @Override
    public ParticipantKey obtain(String studyId, String pseudonym) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> existing = participantOf(studyId, pseudonym);
            if (existing.isPresent()) {
                Optional<ParticipantKey> key = find(existing.get());
                if (key.isPresent()) {
                    return key.get();
                }
                continue;
            }
            ParticipantKey created = new ParticipantKey(UUID.randomUUID().toString(), PersonalDataSealer.newKey());
            try {
                jdbc.update("INSERT INTO participant_keys (participant, study_id, pseudonym, key_bytes) VALUES (?,?,?,?)",
                        created.participant(), studyId, pseudonym, created.key().getEncoded());
                return created;
            } catch (DuplicateKeyException raced) {
                // another request created this participant at the same moment: use theirs
            }
        }
        throw new IllegalStateException("cannot obtain a key for a participant of study " + studyId);
    }

    @Override
    public Optional<ParticipantKey> find(String participant) {
        List<byte[]> keys = jdbc.query("SELECT key_bytes FROM participant_keys WHERE participant = ?",
                (rs, i) -> rs.getBytes(1), participant);
        return keys.stream().findFirst().map(bytes -> new ParticipantKey(participant, new SecretKeySpec(bytes, "AES")));
    }

    @Override
    public Optional<String> participantOf(String studyId, String pseudonym) {
        return jdbc.queryForList("SELECT participant FROM participant_keys WHERE study_id = ? AND pseudonym = ?",
                String.class, studyId, pseudonym).stream().findFirst();
    }

    @Override
    public boolean destroy(String participant) {
        return jdbc.update("DELETE FROM participant_keys WHERE participant = ?", participant) > 0;
    }
}
