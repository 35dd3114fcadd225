package fi.collabmaturity.api.storage.readmodel;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded default's read-model and token store: an in-process MongoDB-wire-compatible server on loopback,
 * keeping its data in an H2 MVStore file. The application talks to it with the official MongoDB driver, exactly
 * as it talks to a real MongoDB in production. The MVStore is committed about once a second (and after a command
 * that leaves much uncommitted), between two whole commands ({@link CommitBetweenCommands}), so after a crash the
 * store is as it was between two commands: nothing is half-written, and since a projection writes its token after
 * its batch's read-model writes, a read model may be ahead of its token but never behind it (the projection handles
 * those events again, idempotently). A normal stop commits everything.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    /**
     * Page cache of the MVStore, MB: a sixteenth of the heap, at most 64 (H2's default is 16 at any heap). Every
     * document read that misses it is read from the file and deserialized again (at national scale the profiles,
     * overviews and evidence of a study are tens of MB), but the cache lives in the application's heap: at -Xmx128m
     * (the export benchmark) it is 8, at 1 GB 64.
     */
    static final int CACHE_MB = (int) Math.max(4, Math.min(64, Runtime.getRuntime().maxMemory() / 16 / (1 << 20)));
    /**
     * H2 rewrites chunks in the background until the file is this full (%). Its default of 90 kept a background
     * thread rewriting (and re-serializing) read-model pages continuously after large writes, competing with
     * queries and projections for the CPU; at 50 the file may hold up to about as much garbage as data.
     */
    private static final int COMPACT_FILL_RATE = 50;
    /** How often the store is committed (H2's own background commit ran every second too). */
    private static final long COMMIT_DELAY_MS = 1000;
    /**
     * Every this many commits, up to this many bytes of sparse chunks are rewritten. Small steps: the commit that
     * writes them holds commands back ({@link CommitBetweenCommands#compact}); 16 MB at a time held them for over
     * half a second.
     */
    private static final int COMPACT_EVERY = 2;
    private static final int COMPACT_BYTES = 4 << 20;
    private final CommitBetweenCommands backend;
    private final ScheduledExecutorService committer;
    private final MongoServer server;
    private final InetSocketAddress address;

    public EmbeddedMongoServer(Path file) {
        CommitBetweenCommands.cleanUpAfterInterruptedRewrite(file.toString());
        // no commits by H2 itself (neither its background thread nor a writer thread when its buffer fills up):
        // they could fall in the middle of a command; this class commits between commands instead
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        this.backend = new CommitBetweenCommands(store, COMPACT_FILL_RATE); // closes the store on shutdown
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-store-commit");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong commits = new AtomicLong();
        committer.scheduleWithFixedDelay(() -> {
            try {
                if (commits.incrementAndGet() % COMPACT_EVERY == 0) {
                    backend.compact(COMPACT_BYTES);
                } else {
                    backend.commit();
                }
            } catch (RuntimeException e) {
                log.warn("Committing the read-model store failed; trying again in a second", e);
            }
        }, COMMIT_DELAY_MS, COMMIT_DELAY_MS, TimeUnit.MILLISECONDS);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        log.info("Embedded read-model store on {} (file {}, cache {} MB)", address, file, CACHE_MB);
    }

    /**
     * Whether the store was closed by an error (e.g. out of heap while committing): the read side then answers no
     * query and no projection moves until the application restarts, which reopens it at its last commit (the
     * projections handle the events after it again). The events themselves are in the event log.
     */
    public boolean closedByError() {
        return backend.closedByError();
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        // no interrupt: an interrupted commit or compaction closes H2's file channel, and with it the store, before
        // the final commit below; the running one is let finish instead (the periodic ones are cancelled)
        committer.shutdown();
        try {
            if (!committer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The read-model store's committer did not finish within 30 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow(); // closes the backend, which commits and closes the MVStore file
        log.info("Embedded read-model store stopped");
    }
}
