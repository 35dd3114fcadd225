package fi.collabmaturity.api.storage.readmodel;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * mongo-java-server's H2 backend over an MVStore that commits only between commands. The backend keeps a
 * collection's documents and its {@code _id} index in separate MVStore maps, without transactions, and H2's own
 * background commit can fall between the two writes of one command: after a crash the document is there but its
 * index entry is not, and every later upsert of it fails ("Document with key ... already existed"), which stopped a
 * projection for good (seen in {@code CrashIT}). Here every command holds a shared lock and a commit the exclusive
 * one, so what is on disk is always the state between two whole commands (a bulk write is one command).
 */
final class CommitBetweenCommands extends H2Backend {

    /** Commands that change nothing in the store (the application never uses aggregation stages that write). */
    private static final Set<String> READ_ONLY = Set.of("find", "getMore", "count", "distinct", "listIndexes",
            "listCollections", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
            "killCursors", "endSessions", "serverStatus", "dbStats", "collStats", "getParameter");
    /**
     * A normal stop gives the file back the space freed while it was open when less than this share of it (%) is
     * live data. H2's own close does not, and its {@code compactFile} moves chunks 16 MB at a time towards the start,
     * which for 10 s left the national benchmark's file at 1.3 GB for 210 MB of documents; copying the live pages
     * to a new file instead costs one write of the data.
     */
    private static final int REWRITE_BELOW_LIVE_PERCENT = 50;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int compactFillRate;
    /**
     * A commit writes every page changed since the one before as one chunk, serialized into one buffer on the heap.
     * At ten times the national scale, with a 1 GB heap, a rebuild's commit of one second's changes ran out of heap
     * while serializing its chunk (a 53 MB buffer), and H2 closed the store; so a command after which more than this
     * much is unsaved commits at once, which keeps each chunk small.
     */
    private final long maxUnsavedBytes;
    private volatile boolean closing;

    CommitBetweenCommands(MVStore store, int compactFillRate) {
        this(store, compactFillRate, Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 32));
    }

    CommitBetweenCommands(MVStore store, int compactFillRate, long maxUnsavedBytes) {
        super(store);
        this.compactFillRate = compactFillRate;
        this.maxUnsavedBytes = maxUnsavedBytes;
    }

    /** Databases in the cheaper storage format: BSON documents, index keys compared by value. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new ReadModelDatabase(name, getMvStore(), getCursorRegistry());
    }

    /**
     * Every command of the MongoDB driver (OP_MSG) comes through here, including bulk writes. Commands that only
     * read do not wait for a commit (the MVStore serves reads while it writes a commit); all others do.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        Iterator<String> keys = message.getDocument().keySet().iterator();
        if (keys.hasNext() && READ_ONLY.contains(keys.next())) {
            return super.handleMessage(message);
        }
        Document reply = whileNotCommitting(() -> super.handleMessage(message));
        if (getMvStore().getUnsavedMemory() > maxUnsavedBytes && !getMvStore().isClosed()) {
            commit();
        }
        return reply;
    }

    /** Whether H2 closed the store after an error (it then takes no command until the application restarts). */
    boolean closedByError() {
        return !closing && getMvStore().isClosed();
    }

    /** The legacy wire format (the driver's first handshake): read-only, but held all the same. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whileNotCommitting(() -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        whileNotCommitting(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    /** Runs a command that may change the store; a commit waits for it, and it waits for a commit. */
    private <T> T whileNotCommitting(Supplier<T> command) {
        lock.readLock().lock();
        try {
            return command.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes everything done so far to the file, between two commands. */
    @Override
    public void commit() {
        lock.writeLock().lock();
        try {
            if (getMvStore().isClosed()) {
                if (closing) {
                    return; // closing committed everything
                }
                throw new IllegalStateException("the read-model store was closed by an error; see the log before this");
            }
            super.commit();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Rewrites some sparsely filled chunks (H2 does this in its background thread, which is off here because it
     * would also commit), then commits them between two commands. The rewriting itself changes no content (H2
     * copies live pages forward, safely beside concurrent writers, as its own background thread does), so only the
     * commit holds commands back: a command waiting for the lock also holds up every other connection that
     * mongo-java-server serves on the same network thread, reads included (with the rewrite under the lock, reads
     * waited over a second).
     */
    void compact(int maxBytes) {
        if (closing) {
            return;
        }
        try {
            getMvStore().compact(compactFillRate, maxBytes);
        } catch (MVStoreException e) {
            if (closing) {
                return; // closed meanwhile (shutdown), which committed everything
            }
            throw e;
        }
        commit();
    }

    @Override
    public void close() {
        closing = true;
        lock.writeLock().lock();
        try {
            MVStore store = getMvStore();
            String rewrite = null;
            if (!store.isClosed()) {
                store.commit();
                FileStore<?> file = store.getFileStore();
                if (file != null && file.getFillRate() * file.getChunksFillRate() < REWRITE_BELOW_LIVE_PERCENT * 100) {
                    rewrite = file.getFileName();
                }
            }
            super.close(); // commits and closes the MVStore
            if (rewrite != null) {
                // into a new file that atomically replaces this one: a crash meanwhile leaves this one as it was
                MVStoreTool.compact(rewrite, false);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What an interrupted rewrite at a stop left beside the file (see {@link #close}). */
    static void cleanUpAfterInterruptedRewrite(String fileName) {
        MVStoreTool.compactCleanUp(fileName);
    }
}
