package fi.collabmaturity.api.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/** Idempotency keys in the event log's database (H2 or PostgreSQL), claimed inside the command's transaction. */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;

    public JdbcIdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS idempotency_keys (username VARCHAR(100) NOT NULL,"
                + " idem_key VARCHAR(200) NOT NULL, fingerprint VARCHAR(64) NOT NULL, location VARCHAR(1000),"
                + " status INT, content_type VARCHAR(200), response_location VARCHAR(1000), position VARCHAR(40),"
                + " etag VARCHAR(100), body TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
                + " PRIMARY KEY (username, idem_key))");
    }

    @Override
    public Optional<Entry> find(String username, String key) {
        List<Entry> rows = jdbc.query("SELECT fingerprint, location, status, content_type, response_location, position,"
                        + " etag, body FROM idempotency_keys WHERE username = ? AND idem_key = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null
                        : new StoredResponse(rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8))),
                username, key);
        return rows.stream().findFirst();
    }

    @Override
    public void claim(String username, String key, String fingerprint, String location) {
        try {
            jdbc.update("INSERT INTO idempotency_keys (username, idem_key, fingerprint, location) VALUES (?,?,?,?)",
                    username, key, fingerprint, location);
        } catch (DuplicateKeyException e) {
            throw new KeyAlreadyClaimedException();
        }
    }

    @Override
    public void complete(String username, String key, StoredResponse r) {
        jdbc.update("UPDATE idempotency_keys SET status = ?, content_type = ?, response_location = ?, position = ?,"
                        + " etag = ?, body = ? WHERE username = ? AND idem_key = ?",
                r.status(), r.contentType(), r.location(), r.position(), r.etag(), r.body(), username, key);
    }

    @Override
    public void release(String username, String key) {
        jdbc.update("DELETE FROM idempotency_keys WHERE username = ? AND idem_key = ? AND status IS NULL", username, key);
    }
}
