package fi.collabmaturity.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded default's data folder holds the event log, the read models and the participant keys: personal data
 * and the keys that open it. On a POSIX file system it is readable by the application's own user only: the folder
 * {@code rwx------} (created so, and an existing one fixed at start), everything in it {@code rw-------}. The
 * process umask is not relied on: H2 and the read-model store create their files with it, so the files are
 * tightened again after each store has opened (and after the key store rewrites its file), and the folder's own
 * mode keeps other users out of anything created in between.
 */
public final class DataFolder {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** Creates the folder if needed (owner only from the start) and tightens it and everything in it. */
    public static Path prepare(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                if (posix()) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectories(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
        tighten(folder);
        return folder;
    }

    /** Folders {@code rwx------} and files {@code rw-------}, the folder itself and everything under it. */
    public static void tighten(Path folder) {
        if (!posix()) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    set(dir, FOLDER);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        set(file, FILE);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // a temporary file the database has removed meanwhile
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of the data folder " + folder, e);
        }
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile (H2's temporary files come and go)
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
