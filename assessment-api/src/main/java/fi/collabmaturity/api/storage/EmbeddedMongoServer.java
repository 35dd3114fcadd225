package fi.collabmaturity.api.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The embedded default's read-model and token store: an in-process MongoDB-wire-compatible server on loopback,
 * keeping its data in an H2 MVStore file. The application talks to it with the official MongoDB driver, exactly
 * as it talks to a real MongoDB in production. The MVStore commits in the background about once a second, so after
 * a crash a read model and its processor's token roll back together; a normal stop commits everything.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    /**
     * Page cache of the MVStore, MB: a sixteenth of the heap, between H2's default of 16 and 64. Every document read
     * that misses it is read from the file and deserialized again (at national scale the profiles, overviews and
     * evidence of a study are tens of MB), but the cache lives in the application's heap: at -Xmx256m (the export
     * benchmark) it stays at 16.
     */
    static final int CACHE_MB = (int) Math.max(16, Math.min(64, Runtime.getRuntime().maxMemory() / 16 / (1 << 20)));
    /**
     * H2 rewrites chunks in the background until the file is this full (%). Its default of 90 kept a background
     * thread rewriting (and re-serializing) read-model pages continuously after large writes, competing with
     * queries and projections for the CPU; at 50 the file may hold up to about as much garbage as data.
     */
    private static final int COMPACT_FILL_RATE = 50;
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    public EmbeddedMongoServer(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .autoCompactFillRate(COMPACT_FILL_RATE).open();
        this.backend = new H2Backend(store); // closes the store when the server shuts down
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        log.info("Embedded read-model store on {} (file {}, cache {} MB)", address, file, CACHE_MB);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow(); // closes the backend, which commits and closes the MVStore file
        log.info("Embedded read-model store stopped");
    }
}
