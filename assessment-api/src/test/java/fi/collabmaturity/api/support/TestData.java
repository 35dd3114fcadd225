package fi.collabmaturity.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data folders for applications under test, under target/ so that `mvn clean` removes them. */
public final class TestData {

    private TestData() {
    }

    public static Path freshFolder(String name) {
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document of the contract in the repository's {@code docs/} folder (API.md, DOMAIN.md). */
    public static Path contractFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/" + name + " above " + Path.of("").toAbsolutePath());
    }
}
