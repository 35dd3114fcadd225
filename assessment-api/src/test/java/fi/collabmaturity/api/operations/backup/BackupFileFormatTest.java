package fi.collabmaturity.api.operations.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backup file format on its own: event lines keep the stored bytes exactly; any changed byte is refused. */
class BackupFileFormatTest {

    @TempDir
    Path folder;

    static StoredEvent event(Long index, String id, long sequence, String payload, String metaData) {
        return new StoredEvent(index, id, "Study", "lapland", sequence, "2025-03-04T09:15:02.118Z",
                "fi.collabmaturity.study.WaveReopened", "1",
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eventLinesCarryTheStoredBytesVerbatim() {
        List<String> payloads = List.of(
                "{\"studyId\":\"lapland\",\"waveId\":\"w2023\",\"reason\":\"myöhäiset vastaukset \\\"ok\\\" \\u00e4\"}",
                "{\"answers\":{\"trust\":2.0,\"goals\":1.50,\"big\":1E+10,\"neg\":-0.0}}",
                "{ \"spaced\" : [ 1 , 2 ] ,\t\"x\":null }",
                "\"just a string with \\\\ and \\\"\"",
                "12",
                "[]",
                "{\"emoji\":\"\uD83D\uDE00\",\"ctrl\":\"\\t\\u0001\"}");
        for (String payload : payloads) {
            StoredEvent original = event(7L, "e1", 3, payload, "{\"username\":\"rita\",\"traceId\":\"t\"}");
            byte[] line = EventLines.encode(original);
            String text = new String(line, StandardCharsets.UTF_8);
            assertThat(text).as("embedded as JSON, not as a string").contains("\"payload\":" + payload);
            StoredEvent decoded = EventLines.decode(text);
            assertThat(decoded).isEqualTo(original);
            assertThat(decoded.payload()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bytesThatAreNotOneLineOfJsonTravelAsBase64() {
        StoredEvent pretty = event(null, "e2", 0, "{\n  \"a\": 1\n}", null);
        String line = new String(EventLines.encode(pretty), StandardCharsets.UTF_8);
        assertThat(line).contains("\"payloadBase64\":").doesNotContain("\n").contains("\"metaData\":null");
        assertThat(EventLines.decode(line)).isEqualTo(pretty);

        StoredEvent binary = new StoredEvent(null, "e3", "Study", "s", 0, "2025-03-04T09:15:02.118Z", "x.Y", null,
                new byte[]{(byte) 0xff, 0, 10, 13}, "not json".getBytes(StandardCharsets.UTF_8));
        String binaryLine = new String(EventLines.encode(binary), StandardCharsets.UTF_8);
        assertThat(binaryLine).contains("\"payloadBase64\":").contains("\"metaDataBase64\":");
        assertThat(EventLines.decode(binaryLine)).isEqualTo(binary);
    }

    @Test
    void incompleteOrMalformedEventLinesAreRejected() {
        String good = new String(EventLines.encode(event(1L, "e1", 0, "{\"a\":1}", "{}")), StandardCharsets.UTF_8);
        assertThat(EventLines.decode(good).eventIdentifier()).isEqualTo("e1");
        for (String bad : List.of(
                good.replace("\"eventIdentifier\":\"e1\",", ""),
                good.replace("\"payload\":{\"a\":1},", ""),
                good.replace("\"sequenceNumber\":0", "\"sequenceNumber\":\"0\""),
                good.replace("2025-03-04T09:15:02.118Z", "yesterday"),
                good.replace("\"payloadRevision\"", "\"payloadRevisionX\""),
                good + " {}",
                good.substring(0, good.length() - 1))) {
            assertThatThrownBy(() -> EventLines.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFileReadsBackAsWrittenWithItsChecksumAndOwnerOnlyPermissions() throws IOException {
        Path file = folder.resolve("log.jsonl");
        List<StoredEvent> events = List.of(event(1L, "e1", 0, "{\"a\":1}", "{\"username\":\"u\"}"),
                event(2L, "e2", 1, "{\"b\":\"ä\"}", "{}"));
        writeFile(file, events);

        List<StoredEvent> read = new ArrayList<>();
        ChecksummedJsonLines.Read result = ChecksummedJsonLines.read(file, BackupRestore.EVENTS_FORMAT,
                (n, json) -> read.add(EventLines.decode(json)));
        assertThat(read).isEqualTo(events);
        assertThat(result.lines()).isEqualTo(2);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"format\":\"collab-maturity-event-log\",\"formatVersion\":1,"
                + "\"positions\":\"global_index\"}");
        assertThat(lines.get(3)).isEqualTo("{\"end\":\"collab-maturity-event-log\",\"lines\":2,\"sha256\":\""
                + result.sha256() + "\"}");
        // the recorded checksum is the SHA-256 of every byte before the end line, as sha256sum computes it
        byte[] all = Files.readAllBytes(file);
        int endLine = new String(all, StandardCharsets.UTF_8).lastIndexOf("{\"end\"");
        byte[] content = java.util.Arrays.copyOf(all, new String(all, StandardCharsets.UTF_8)
                .substring(0, endLine).getBytes(StandardCharsets.UTF_8).length);
        assertThat(result.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                ChecksummedJsonLines.sha256().digest(content)));
        assertThat(Files.readString(ChecksummedJsonLines.sidecar(file))).isEqualTo(
                ChecksummedJsonLines.fileSha256(file) + "  log.jsonl\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var partials = Files.list(folder)) {
            assertThat(partials.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("log.jsonl",
                    "log.jsonl.sha256");
        }
    }

    @Test
    void everySingleChangedByteIsRefused() throws IOException {
        Path file = folder.resolve("log.jsonl");
        writeFile(file, List.of(event(1L, "e1", 0, "{\"a\":1}", "{\"username\":\"u\"}"),
                event(2L, "e2", 1, "{\"b\":\"ä\"}", "{}")));
        byte[] original = Files.readAllBytes(file);
        Files.delete(ChecksummedJsonLines.sidecar(file)); // the file's own checksum alone must catch every change
        for (int i = 0; i < original.length; i++) {
            byte[] changed = original.clone();
            changed[i] ^= 0x01;
            Files.write(file, changed);
            int at = i;
            assertThatThrownBy(() -> ChecksummedJsonLines.read(file, BackupRestore.EVENTS_FORMAT,
                    (n, json) -> EventLines.decode(json)))
                    .as("byte " + at + " of " + original.length).isInstanceOf(OperationRefused.class);
        }
        Files.write(file, original);
        assertThat(ChecksummedJsonLines.read(file, BackupRestore.EVENTS_FORMAT, (n, json) -> EventLines.decode(json))
                .lines()).isEqualTo(2);
        // cut short anywhere: refused as well
        for (int length : new int[]{0, 10, original.length / 2, original.length - 2, original.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(original, length));
            assertThatThrownBy(() -> ChecksummedJsonLines.read(file, BackupRestore.EVENTS_FORMAT,
                    (n, json) -> EventLines.decode(json))).as("cut at " + length).isInstanceOf(OperationRefused.class);
        }
    }

    @Test
    void theSidecarChecksumIsCheckedWhenPresent() throws IOException {
        Path file = folder.resolve("log.jsonl");
        writeFile(file, List.of(event(1L, "e1", 0, "{\"a\":1}", "{}")));
        ChecksummedJsonLines.checkSidecar(file);
        Files.writeString(ChecksummedJsonLines.sidecar(file), "0".repeat(64) + "  log.jsonl\n");
        assertThatThrownBy(() -> ChecksummedJsonLines.checkSidecar(file)).isInstanceOf(OperationRefused.class)
                .hasMessageContaining("does not match");
    }

    private static void writeFile(Path file, List<StoredEvent> events) {
        try (ChecksummedJsonLines.Writer out = new ChecksummedJsonLines.Writer(file, BackupRestore.EVENTS_FORMAT,
                ChecksummedJsonLines.JSON.createObjectNode().put("positions", "global_index"))) {
            events.forEach(e -> out.line(EventLines.encode(e)));
            out.finish();
        }
    }
}
