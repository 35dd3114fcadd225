package fi.collabmaturity.api.operations.backup;

import fi.collabmaturity.api.storage.StorageProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The backup and restore command: the application jar with {@code --backup=FILE} or {@code --restore=FILE} runs
 * this instead of the application, and exits (0 done, 1 refused or failed, 2 wrong arguments) without starting the
 * web server, the processors or any embedded store. It works on the application's own storage, chosen by the same
 * two switches:
 * <ul>
 *     <li>the event log (with the participant keys): the PostgreSQL database of {@code ASSESSMENT_POSTGRES_URL}
 *     ({@code ASSESSMENT_POSTGRES_USER}, {@code ASSESSMENT_POSTGRES_PASSWORD}) when set, otherwise the H2 files in
 *     {@code ASSESSMENT_DATA_DIR} (the application must be stopped; on PostgreSQL a backup may run beside it);</li>
 *     <li>the read models: the MongoDB database of {@code ASSESSMENT_MONGO_URI} ({@code ASSESSMENT_MONGO_DATABASE})
 *     when set, otherwise the embedded store in {@code ASSESSMENT_DATA_DIR}. A backup does not read them (they are
 *     rebuilt from the events); a restore only checks that they are empty.</li>
 * </ul>
 *
 * <pre>
 * java -jar assessment-api.jar --backup=study.jsonl [--include-keys[=study.keys.jsonl]]
 * java -jar assessment-api.jar --restore=study.jsonl [--keys=study.keys.jsonl]
 * </pre>
 */
public final class OperationsCommand {

    private OperationsCommand() {
    }

    /** True when the arguments ask for a backup or a restore rather than the application. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--backup") || a.startsWith("--backup=")
                || a.equals("--restore") || a.startsWith("--restore="));
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.org.mongodb.driver=WARN", "logging.level.org.springframework=WARN",
                        "logging.level.org.axonframework=WARN")
                .run(args)) {
            StorageProperties storage = context.getBean(StorageProperties.class);
            return arguments.backup() != null ? backup(arguments, storage, out) : restore(arguments, storage, out);
        } catch (OperationRefused e) {
            err.println("Refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("Failed: " + e);
            return 1;
        }
    }

    private static int backup(Arguments arguments, StorageProperties storage, PrintStream out) {
        Path file = arguments.backup();
        Path keysFile = arguments.includeKeys() ? arguments.keysFileOr(defaultKeysFile(file)) : null;
        try (EventLogStore store = storage.embeddedEventLog() ? JdbcEventLogStore.existing(storage.dataPath())
                : JdbcEventLogStore.existingPostgres(storage.postgresUrl(), storage.postgresUser(),
                storage.postgresPassword())) {
            return reportBackup(BackupRestore.backup(store, file, keysFile), store, out);
        }
    }

    private static int reportBackup(BackupRestore.BackupResult result, EventLogStore store, PrintStream out) {
        out.println("Backed up " + result.events() + " events of " + store.describe() + " to " + result.file());
        out.println("SHA-256 of its content: " + result.sha256() + " (also checked by " + result.file().getFileName()
                + ".sha256 over the whole file)");
        if (result.keysFile() != null) {
            out.println("Wrote " + result.keys() + " participant keys to " + result.keysFile() + ".");
            out.println("PROTECT THAT FILE: with the event log it opens every participant's personal data. Keep it"
                    + " apart from the backup (another medium, encrypted), and delete old copies when a participant"
                    + " is erased.");
        } else {
            out.println("Participant keys were not included: restored into a new store, the events' personal data"
                    + " (excerpts, comments, participant attributes) will read as erased. Add --include-keys to"
                    + " take the keys along in a separate file.");
        }
        return 0;
    }

    private static int restore(Arguments arguments, StorageProperties storage, PrintStream out) {
        Path file = arguments.restore();
        Path keysFile = arguments.keysFileOr(null);
        BackupRestore.RestoreResult result;
        String target;
        try (EventLogStore store = storage.embeddedEventLog() ? JdbcEventLogStore.target(storage.dataPath())
                : JdbcEventLogStore.postgres(storage.postgresUrl(), storage.postgresUser(),
                storage.postgresPassword())) {
            target = store.describe();
            result = BackupRestore.restore(file, keysFile, store, ReadModelStoreContents.of(storage));
        }
        out.println("Restored " + result.events() + " events from " + file + " into " + target + ".");
        out.println("The projections rebuild their read models from the events on the first start.");
        if (keysFile != null) {
            out.println("Restored " + result.keys() + " participant keys from " + keysFile + ".");
            if (result.skippedKeys() > 0) {
                out.println("Left out " + result.skippedKeys() + " keys of participants whom the event log records"
                        + " as erased: their personal data stays unreadable.");
            }
        } else {
            out.println("No participant keys were restored (no --keys=FILE): personal data in the events"
                    + " (excerpts, comments, participant attributes) reads as erased on this store.");
        }
        return 0;
    }

    static Path defaultKeysFile(Path backup) {
        String name = backup.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return backup.resolveSibling(base + ".keys.jsonl");
    }

    static final String USAGE = """
            Usage:
              java -jar assessment-api.jar --backup=FILE [--include-keys[=KEYS_FILE]]
              java -jar assessment-api.jar --restore=FILE [--keys=KEYS_FILE]
            The stores are the application's. Event log and participant keys: the PostgreSQL database of
            ASSESSMENT_POSTGRES_URL (with ASSESSMENT_POSTGRES_USER, ASSESSMENT_POSTGRES_PASSWORD), otherwise the H2
            files in ASSESSMENT_DATA_DIR (default ./data; stop the application first). Read models: the MongoDB of
            ASSESSMENT_MONGO_URI (ASSESSMENT_MONGO_DATABASE), otherwise the embedded store in ASSESSMENT_DATA_DIR.
            A restore needs an empty event log and an empty read-model store; the read models are rebuilt from the
            events on the first start. Backups of every release restore, also those of the old MongoDB event log.""";

    record Arguments(Path backup, Path restore, boolean includeKeys, Path keys) {

        static Arguments parse(String[] args) {
            Path backup = null;
            Path restore = null;
            boolean includeKeys = false;
            Path keys = null;
            for (String arg : args) {
                if (arg.equals("--backup") || arg.equals("--restore")) {
                    throw new IllegalArgumentException(arg + " needs a file: " + arg + "=FILE");
                } else if (arg.startsWith("--backup=")) {
                    backup = path(arg);
                } else if (arg.startsWith("--restore=")) {
                    restore = path(arg);
                } else if (arg.equals("--include-keys")) {
                    includeKeys = true;
                } else if (arg.startsWith("--include-keys=")) {
                    includeKeys = true;
                    keys = path(arg);
                } else if (arg.startsWith("--keys=")) {
                    keys = path(arg);
                }
            }
            if ((backup == null) == (restore == null)) {
                throw new IllegalArgumentException("give either --backup=FILE or --restore=FILE");
            }
            if (backup != null && keys != null && !includeKeys) {
                throw new IllegalArgumentException("--keys=FILE is for --restore; a backup takes --include-keys=FILE");
            }
            if (restore != null && includeKeys) {
                throw new IllegalArgumentException("--include-keys is for --backup; a restore takes --keys=FILE");
            }
            return new Arguments(backup, restore, includeKeys, keys);
        }

        Path keysFileOr(Path fallback) {
            return keys != null ? keys : fallback;
        }

        private static Path path(String arg) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (value.isBlank()) {
                throw new IllegalArgumentException(arg + " needs a file");
            }
            return Path.of(value).toAbsolutePath().normalize();
        }
    }

    /** The command's whole Spring context: the storage settings, bound exactly as the application binds them. */
    @EnableConfigurationProperties(StorageProperties.class)
    static class Settings {
    }
}
