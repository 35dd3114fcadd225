package fi.collabmaturity.projection.export;

/** A file of the archive as manifest.json lists it: its path, SHA-256 (hex) and size in bytes. */
public record ArchivedFile(String path, String sha256, long bytes) {
}
