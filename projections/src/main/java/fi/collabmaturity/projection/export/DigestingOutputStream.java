package fi.collabmaturity.projection.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes on to one zip entry while counting them and computing their SHA-256 for the manifest. Closing it
 * leaves the archive open.
 */
final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256;
    private long bytes;

    DigestingOutputStream(OutputStream out) {
        super(out);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        bytes += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    ArchivedFile file(String path) {
        return new ArchivedFile(path, HexFormat.of().formatHex(sha256.digest()), bytes);
    }
}
