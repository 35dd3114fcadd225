package fi.collabmaturity.api.operations.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.collabmaturity.api.storage.keys.StoredKey;
import fi.collabmaturity.study.ParticipantErased;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backup of the event log to a portable, self-checking JSON Lines file, and its restore into an empty event log:
 * the embedded default's data folder (ASSESSMENT_DATA_DIR) or a PostgreSQL database (ASSESSMENT_POSTGRES_URL),
 * whichever the application is set up for. The file is the same for both, so a backup moves between them, and a
 * backup of the old MongoDB event log (positions {@code event_time_epoch_ms}, no global indexes) restores into
 * either, its events numbered 1, 2, 3... in the file's order. Participant keys travel only when asked for, in a file
 * of their own ({@code --include-keys}), because together with the events they open every participant's personal
 * data.
 *
 * <p>A restore checks everything before it writes anything: the checksum and every line of the file (and of the
 * keys file), the order of each aggregate's sequence numbers, unique event identifiers, and that the target is
 * empty, both the event log and the read-model store (the embedded one or ASSESSMENT_MONGO_URI's database), whose
 * projections must rebuild from the restored events. While writing it reads the file a second time and checks its
 * checksum again before the write is made final, so a file changed in between is refused too.
 */
public final class BackupRestore {

    public static final String EVENTS_FORMAT = "collab-maturity-event-log";
    public static final String KEYS_FORMAT = "collab-maturity-participant-keys";

    private BackupRestore() {
    }

    public record BackupResult(Path file, long events, String sha256, Path keysFile, long keys) {
    }

    /** {@code skippedKeys}: keys in the keys file of participants the event log records as erased. */
    public record RestoreResult(long events, long keys, long skippedKeys, String positions) {
    }

    /** Writes every event of {@code store} to {@code file}, and its participant keys to {@code keysFile} if given. */
    public static BackupResult backup(EventLogStore store, Path file, Path keysFile) {
        ObjectNode header = ChecksummedJsonLines.JSON.createObjectNode().put("positions", store.positions());
        String sha256;
        long events;
        try (ChecksummedJsonLines.Writer out = new ChecksummedJsonLines.Writer(file, EVENTS_FORMAT, header)) {
            store.read(event -> out.line(EventLines.encode(event)));
            events = out.lines();
            sha256 = out.finish();
        }
        long keys = 0;
        if (keysFile != null) {
            ObjectNode keysHeader = ChecksummedJsonLines.JSON.createObjectNode().put("warning",
                    "Participant keys. Together with the event log they open every participant's personal data:"
                            + " keep this file apart from the event log backup and protect it like the data itself.");
            try (ChecksummedJsonLines.Writer out = new ChecksummedJsonLines.Writer(keysFile, KEYS_FORMAT, keysHeader)) {
                for (StoredKey key : store.keys().exportKeys()) {
                    out.line(encode(key));
                }
                keys = out.lines();
                out.finish();
            }
        }
        return new BackupResult(file, events, sha256, keysFile, keys);
    }

    /** Writes every event of {@code store} to {@code out} (an online backup; never the keys); returns the count. */
    public static long backup(EventLogStore store, java.io.OutputStream out) {
        ObjectNode header = ChecksummedJsonLines.JSON.createObjectNode().put("positions", store.positions());
        try (ChecksummedJsonLines.Writer writer = new ChecksummedJsonLines.Writer(out, EVENTS_FORMAT, header)) {
            store.read(event -> writer.line(EventLines.encode(event)));
            writer.finish();
            return writer.lines();
        }
    }

    /**
     * Checks the file(s) and the target, then writes the events (and keys) into the empty target. {@code readModels}
     * is what the read-model store the restored application will use holds: it must be empty too.
     */
    public static RestoreResult restore(Path file, Path keysFile, EventLogStore target,
                                        ReadModelStoreContents readModels) {
        ChecksummedJsonLines.checkSidecar(file);
        EventChecks checks = new EventChecks();
        ChecksummedJsonLines.Read verified = ChecksummedJsonLines.read(file, EVENTS_FORMAT,
                (number, json) -> checks.accept(number, EventLines.decode(json)));
        List<StoredKey> keysInFile = keysFile == null ? List.of() : readKeys(keysFile);
        // a keys file older than an erasure still holds the erased participant's key: it must not come back
        List<StoredKey> keys = keysInFile.stream().filter(k -> !checks.erased.contains(k.participant())).toList();

        refuseUnlessEmpty(target, readModels);
        // a backup of the old MongoDB event log has times for positions and no global indexes: numbered anew
        boolean keepIndexes = "global_index".equals(verified.header().path("positions").asText())
                && "global_index".equals(target.positions());
        target.write(sink -> {
            ChecksummedJsonLines.Read again = ChecksummedJsonLines.read(file, EVENTS_FORMAT, (number, json) -> {
                StoredEvent event = EventLines.decode(json);
                sink.accept(keepIndexes ? event : event.withGlobalIndex(null));
            });
            if (!again.sha256().equals(verified.sha256())) {
                throw new OperationRefused(file + " changed while it was being restored; nothing was kept");
            }
        }, () -> {
            for (StoredKey key : keys) {
                target.keys().importKey(key);
            }
        });
        return new RestoreResult(verified.lines(), keys.size(), keysInFile.size() - keys.size(), target.positions());
    }

    /** Names every store that is not empty, the event log's and the read models' (one store where they share a folder). */
    private static void refuseUnlessEmpty(EventLogStore target, ReadModelStoreContents readModels) {
        Map<String, List<String>> occupied = new java.util.LinkedHashMap<>();
        List<String> events = target.contents();
        if (!events.isEmpty()) {
            occupied.computeIfAbsent(target.describe(), k -> new ArrayList<>()).addAll(events);
        }
        if (readModels != null && !readModels.contents().isEmpty()) {
            occupied.computeIfAbsent(readModels.store(), k -> new ArrayList<>()).addAll(readModels.contents());
        }
        if (occupied.isEmpty()) {
            return;
        }
        List<String> stores = new ArrayList<>();
        occupied.forEach((store, contents) -> stores.add(store + " is not empty (" + String.join("; ", contents)
                + ")"));
        throw new OperationRefused(String.join(", and ", stores) + ". A restore writes only into empty stores: a new"
                + " data folder (ASSESSMENT_DATA_DIR), an empty PostgreSQL database for the event log"
                + " (ASSESSMENT_POSTGRES_URL), an empty MongoDB database for the read models (ASSESSMENT_MONGO_URI,"
                + " ASSESSMENT_MONGO_DATABASE). Nothing was written.");
    }

    /** Reads and checks a keys file completely. */
    static List<StoredKey> readKeys(Path keysFile) {
        ChecksummedJsonLines.checkSidecar(keysFile);
        List<StoredKey> keys = new ArrayList<>();
        Set<String> participants = new HashSet<>();
        Set<String> pseudonyms = new HashSet<>();
        ChecksummedJsonLines.read(keysFile, KEYS_FORMAT, (number, json) -> {
            StoredKey key = decodeKey(json);
            if (!participants.add(key.participant())) {
                throw new IllegalArgumentException("participant " + key.participant() + " has a second key");
            }
            if (!pseudonyms.add(key.studyId() + '\u0000' + key.pseudonym())) {
                throw new IllegalArgumentException("a pseudonym of study " + key.studyId() + " has a second key");
            }
            keys.add(key);
        });
        return keys;
    }

    static byte[] encode(StoredKey key) {
        try {
            return ChecksummedJsonLines.JSON.writeValueAsBytes(ChecksummedJsonLines.JSON.createObjectNode()
                    .put("participant", key.participant()).put("studyId", key.studyId())
                    .put("pseudonym", key.pseudonym())
                    .put("key", Base64.getEncoder().encodeToString(key.key())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredKey decodeKey(String json) {
        JsonNode node;
        try {
            node = ChecksummedJsonLines.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        for (String field : List.of("participant", "studyId", "pseudonym", "key")) {
            if (!node.path(field).isTextual()) {
                throw new IllegalArgumentException("no " + field);
            }
        }
        byte[] key = Base64.getDecoder().decode(node.path("key").asText());
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("a key of " + key.length + " bytes is not an AES key");
        }
        return new StoredKey(node.path("participant").asText(), node.path("studyId").asText(),
                node.path("pseudonym").asText(), key);
    }

    private static String erasedParticipant(StoredEvent event) {
        try {
            JsonNode payload = ChecksummedJsonLines.JSON.readTree(event.payload());
            if (payload.path("participant").isTextual()) {
                return payload.path("participant").asText();
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalArgumentException("the erasure " + event.eventIdentifier() + " names no participant");
    }

    /** What the first read of a backup checks about its events, line by line. */
    private static final class EventChecks {

        private final Set<String> identifiers = new HashSet<>();
        private final Set<String> erased = new HashSet<>();
        private final Map<String, Long> lastSequence = new HashMap<>();
        private Boolean indexed;
        private long lastIndex;

        void accept(long line, StoredEvent event) {
            if (!identifiers.add(event.eventIdentifier())) {
                throw new IllegalArgumentException("event " + event.eventIdentifier() + " appears twice");
            }
            Long previous = lastSequence.put(event.aggregateIdentifier(), event.sequenceNumber());
            long expected = previous == null ? 0 : previous + 1;
            if (event.sequenceNumber() != expected) {
                throw new IllegalArgumentException("aggregate " + event.aggregateIdentifier() + " has sequence number "
                        + event.sequenceNumber() + " where " + expected + " belongs");
            }
            if (ParticipantErased.class.getName().equals(event.payloadType())) {
                erased.add(erasedParticipant(event));
            }
            boolean hasIndex = event.globalIndex() != null;
            if (indexed == null) {
                indexed = hasIndex;
            } else if (indexed != hasIndex) {
                throw new IllegalArgumentException("some events have a globalIndex and some do not");
            }
            if (hasIndex) {
                if (event.globalIndex() <= lastIndex) {
                    throw new IllegalArgumentException("globalIndex " + event.globalIndex() + " is not after "
                            + lastIndex);
                }
                lastIndex = event.globalIndex();
            }
        }
    }
}
