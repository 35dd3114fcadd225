package fi.collabmaturity.api.operations.backup;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import javax.sql.DataSource;

/**
 * {@code GET /api/v1/admin/backup} (ADMIN): the online backup, the same file as {@code --backup=FILE} writes
 * (without the keys, which never leave a running application), streamed while the application keeps running. It
 * reads the application's own event log through its connection pool, the H2 file or PostgreSQL alike, in one
 * REPEATABLE READ transaction. On the embedded default this is the way to back up without stopping, because the
 * offline command cannot open the event log while the application holds it. Restore is offline only:
 * {@code --restore=FILE} into an empty store.
 */
@RestController
public class BackupController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final StudyAccess access;
    private final DataSource dataSource;
    private final EventLogPositions positions;

    public BackupController(StudyAccess access, DataSource dataSource, EventLogPositions positions) {
        this.access = access;
        this.dataSource = dataSource;
        this.positions = positions;
    }

    @GetMapping("/api/v1/admin/backup")
    public ResponseEntity<StreamingResponseBody> backup() {
        access.requireAdmin();
        long head = positions.head();
        StreamingResponseBody body = out -> {
            try (EventLogStore store = JdbcEventLogStore.online(dataSource)) {
                BackupRestore.backup(store, out);
            }
        };
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("collab-maturity-backup-" + head + ".jsonl").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
