package fi.collabmaturity.api.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The data folder holds personal data and its keys: its owner alone may read it, new or found loose. */
class DataFolderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void createsTheFolderForItsOwnerOnly() throws Exception {
        Path folder = dir.resolve("new").resolve("data");
        DataFolder.prepare(folder);
        assertThat(mode(folder)).isEqualTo("rwx------");
    }

    @Test
    void tightensAnExistingFolderAndEverythingInIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));
        Path file = Files.writeString(folder.resolve("events.mv.db"), "x");
        Path nested = Files.createDirectories(folder.resolve("backups"));
        Path nestedFile = Files.writeString(nested.resolve("old.jsonl"), "x");
        for (Path p : new Path[]{folder, nested}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path p : new Path[]{file, nestedFile}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }

        DataFolder.prepare(folder);

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(nestedFile)).isEqualTo("rw-------");
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
