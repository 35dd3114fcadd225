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

    /**
     * A document of the shared contract (../shared next to the repository, as on the developers' machines), or
     * the copy in test resources where the build runs without it (a CI checkout).
     */
    public static Path contractFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(name);
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        java.net.URL copy = TestData.class.getResource("/contract/" + name);
        if (copy == null) {
            throw new IllegalStateException("no copy of " + name + " in test resources");
        }
        try {
            return Path.of(copy.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
