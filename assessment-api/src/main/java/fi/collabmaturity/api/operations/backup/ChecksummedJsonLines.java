package fi.collabmaturity.api.operations.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A JSON Lines file that proves its own integrity: a header line naming the format, content lines, and an end line
 * with the number of content lines and the SHA-256 of every byte before the end line. A sidecar file
 * {@code <file>.sha256} holds the SHA-256 of the whole file in the format of {@code sha256sum}, for the operator's
 * own tools. Files are written owner-readable only, under a temporary name first, so that a failed backup never
 * leaves a file that looks complete.
 *
 * <pre>
 * {"format":"collab-maturity-event-log","formatVersion":1,...}
 * {...one content line...}
 * {"end":"collab-maturity-event-log","lines":2,"sha256":"9f86d081..."}
 * </pre>
 */
final class ChecksummedJsonLines {

    static final int FORMAT_VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String END = "{\"end\":";

    private ChecksummedJsonLines() {
    }

    /**
     * Writes one file; {@link #finish()} makes it visible under its name, {@link #close()} alone discards it. Or,
     * built on a stream, writes the same bytes to that stream (an HTTP response), without a sidecar.
     */
    static final class Writer implements Closeable {

        private final Path target;
        private final Path temporary;
        private final String format;
        private final OutputStream out;
        private final MessageDigest digest = sha256();
        private long lines;
        private boolean finished;

        Writer(Path target, String format, ObjectNode header) {
            this.target = target.toAbsolutePath().normalize();
            this.format = format;
            try {
                Files.createDirectories(this.target.getParent());
                this.temporary = Files.createTempFile(this.target.getParent(), "." + this.target.getFileName(),
                        ".partial");
                restrict(temporary);
                this.out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
            } catch (IOException e) {
                throw new OperationRefused("cannot write " + target + ": " + e.getMessage(), e);
            }
            header(header);
        }

        Writer(OutputStream stream, String format, ObjectNode header) {
            this.target = null;
            this.temporary = null;
            this.format = format;
            this.out = new java.io.BufferedOutputStream(stream, 1 << 16);
            header(header);
        }

        private void header(ObjectNode header) {
            ObjectNode first = JSON.createObjectNode().put("format", format).put("formatVersion", FORMAT_VERSION);
            first.setAll(header);
            try {
                write(JSON.writeValueAsBytes(first));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A content line: one JSON object on one line. */
        void line(byte[] json) {
            for (byte b : json) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("a line break inside a JSON line");
                }
            }
            write(json);
            lines++;
        }

        private void write(byte[] json) {
            try {
                out.write(json);
                out.write('\n');
                digest.update(json);
                digest.update((byte) '\n');
            } catch (IOException e) {
                throw new OperationRefused("cannot write " + where() + ": " + e.getMessage(), e);
            }
        }

        /** Writes the end line (and, for a file, the sidecar, and moves it to its name); returns the checksum. */
        String finish() {
            String checksum = HexFormat.of().formatHex(digest.digest());
            try {
                ObjectNode end = JSON.createObjectNode().put("end", format).put("lines", lines).put("sha256", checksum);
                out.write(JSON.writeValueAsBytes(end));
                out.write('\n');
                if (target == null) {
                    out.flush();
                    finished = true;
                    return checksum;
                }
                out.close();
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                finished = true;
                Path sidecar = sidecar(target);
                Files.deleteIfExists(sidecar);
                Files.writeString(sidecar, fileSha256(target) + "  " + target.getFileName() + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new OperationRefused("cannot write " + where() + ": " + e.getMessage(), e);
            }
            return checksum;
        }

        long lines() {
            return lines;
        }

        private String where() {
            return target == null ? "the response" : target.toString();
        }

        @Override
        public void close() {
            if (!finished && temporary != null) {
                try {
                    out.close();
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Receives the content lines of a file being read, with their 1-based line numbers in the file. */
    interface LineHandler {
        void line(long number, String json);
    }

    /** What a complete read found: the header and the number of content lines. */
    record Read(JsonNode header, long lines, String sha256) {
    }

    /**
     * Reads a whole file, handing each content line to {@code handler}, and checks everything: the header's format
     * and version, UTF-8, one end line at the very end, the number of lines and the checksum. Any failure refuses
     * the file with a message that names the line.
     */
    static Read read(Path file, String format, LineHandler handler) {
        if (!Files.isRegularFile(file)) {
            throw new OperationRefused("there is no file " + file + "; nothing was written");
        }
        MessageDigest digest = sha256();
        JsonNode header = null;
        JsonNode end = null;
        long number = 0;
        long lines = 0;
        try (LineReader reader = new LineReader(Files.newInputStream(file))) {
            byte[] line;
            while ((line = reader.next()) != null) {
                number++;
                if (end != null) {
                    throw damaged(file, number, "there is more after the end line");
                }
                String text = utf8(line, file, number);
                if (header == null) {
                    header = parse(text, file, number);
                    if (!format.equals(header.path("format").asText())) {
                        throw new OperationRefused(file + " is not a " + format + " file (its first line says "
                                + (header.path("format").isMissingNode() ? "nothing" : header.path("format"))
                                + "); nothing was written");
                    }
                    if (!header.path("formatVersion").isInt()) {
                        throw damaged(file, number, "the first line has no formatVersion");
                    }
                    if (header.path("formatVersion").asInt() != FORMAT_VERSION) {
                        throw new OperationRefused(file + " has format version " + header.path("formatVersion")
                                + "; this version of the application reads version " + FORMAT_VERSION
                                + "; nothing was written");
                    }
                } else if (text.startsWith(END)) {
                    end = parse(text, file, number);
                    continue;
                } else {
                    lines++;
                    try {
                        handler.line(number, text);
                    } catch (OperationRefused e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw damaged(file, number, e.getMessage());
                    }
                }
                digest.update(line);
                digest.update((byte) '\n');
            }
            if (header == null) {
                throw new OperationRefused(file + " is empty; nothing was written");
            }
            if (end == null) {
                throw new OperationRefused(file + " has no end line: it is truncated or damaged; nothing was"
                        + " written");
            }
            if (!reader.endedWithNewline()) {
                throw damaged(file, number, "the end line is not terminated");
            }
        } catch (IOException e) {
            throw new OperationRefused("cannot read " + file + ": " + e.getMessage(), e);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!format.equals(end.path("end").asText()) || !end.path("sha256").isTextual()
                || !end.path("lines").canConvertToLong()) {
            throw damaged(file, number, "the end line is not a " + format + " end line");
        }
        if (!actual.equals(end.path("sha256").asText())) {
            throw new OperationRefused("the checksum of " + file + " does not match: the file was changed or damaged"
                    + " after it was written (SHA-256 of its content " + actual + ", recorded "
                    + end.path("sha256").asText() + "); nothing was written");
        }
        if (end.path("lines").asLong() != lines) {
            throw damaged(file, number, "the end line counts " + end.path("lines").asLong() + " lines, the file has "
                    + lines);
        }
        return new Read(header, lines, actual);
    }

    /** If the sidecar {@code <file>.sha256} exists, the whole file must match it. */
    static void checkSidecar(Path file) {
        Path sidecar = sidecar(file);
        if (!Files.exists(sidecar)) {
            return;
        }
        try {
            String recorded = Files.readString(sidecar, StandardCharsets.UTF_8).strip().split("\\s+")[0];
            String actual = fileSha256(file);
            if (!actual.equalsIgnoreCase(recorded)) {
                throw new OperationRefused("the checksum of " + file + " does not match " + sidecar
                        + ": the file was changed or damaged after it was written; nothing was written");
            }
        } catch (IOException e) {
            throw new OperationRefused("cannot read " + sidecar + ": " + e.getMessage(), e);
        }
    }

    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    static String fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static JsonNode parse(String text, Path file, long number) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw damaged(file, number, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw damaged(file, number, "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String utf8(byte[] line, Path file, long number) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw damaged(file, number, "not UTF-8 text");
        }
    }

    static OperationRefused damaged(Path file, long number, String what) {
        return new OperationRefused(file + " is damaged at line " + number + ": " + what + "; nothing was written");
    }

    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines as raw bytes, split at '\n' only, so that the checksum covers exactly the bytes of the file. */
    private static final class LineReader implements Closeable {

        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private boolean endedWithNewline = true;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (line == null) {
                            return null;
                        }
                        endedWithNewline = false;
                        return line.toByteArray();
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(256, position - start));
                }
                line.write(buffer, start, position - start);
                if (position < limit) {
                    position++; // the '\n'
                    endedWithNewline = true;
                    return line.toByteArray();
                }
            }
        }

        boolean endedWithNewline() {
            return endedWithNewline;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
