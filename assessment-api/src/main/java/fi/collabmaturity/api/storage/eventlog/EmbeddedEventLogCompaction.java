package fi.collabmaturity.api.storage.eventlog;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded event log's file from filling with dead chunks. With {@code WRITE_DELAY=0} (every commit on
 * disk when it returns) H2 runs no background thread, and its background thread is what rewrites sparsely filled
 * chunks: while the database is open nothing does. Every commit writes a chunk of its own with the changed pages of
 * the event table and its indexes, so without this the file grew by about 20 KB per accepted command (2.9 GB for
 * the 78 MB of the national study's events, 8 % of its chunks live). Here the sparsest chunks are rewritten a few
 * megabytes at a time, as H2's own background thread would, so that the space of the old ones is reused once H2's
 * retention time has passed. The rewrite copies committed pages forward under H2's store lock and changes no
 * content; a crash in the middle leaves the old chunks in place.
 */
public final class EmbeddedEventLogCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEventLogCompaction.class);
    /** Chunks are rewritten until the file's chunks are this full (%), H2's own default being 90. */
    static final int TARGET_FILL_RATE = 50;
    /** Bytes of live pages rewritten per step: small, since appends wait for the store lock meanwhile. */
    static final int STEP_BYTES = 2 << 20;
    private static final long PERIOD_MS = 1000;

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler;

    private EmbeddedEventLogCompaction(DataSource dataSource, ScheduledExecutorService scheduler) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
    }

    /** A compaction that runs only when {@link #step()} is called. */
    static EmbeddedEventLogCompaction onDemand(DataSource dataSource) {
        return new EmbeddedEventLogCompaction(dataSource, null);
    }

    /** None at all: the event log is on PostgreSQL, which keeps its own files. */
    public static EmbeddedEventLogCompaction none() {
        return new EmbeddedEventLogCompaction(null, null);
    }

    /** A compaction that takes a step every second until closed. */
    public static EmbeddedEventLogCompaction every(DataSource dataSource) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-log-compaction");
            thread.setDaemon(true);
            return thread;
        });
        EmbeddedEventLogCompaction compaction = new EmbeddedEventLogCompaction(dataSource, scheduler);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                compaction.step();
            } catch (RuntimeException | SQLException e) {
                log.warn("Compacting the event log's file failed; trying again in a second", e);
            }
        }, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return compaction;
    }

    /** Rewrites up to {@link #STEP_BYTES} of the sparsest chunks; true when there was something to rewrite. */
    boolean step() throws SQLException {
        if (dataSource == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            return store != null && !store.isClosed() && store.compact(TARGET_FILL_RATE, STEP_BYTES);
        }
    }

    /** The percentage of the file's chunks that is live data. */
    int chunksFillRate() throws SQLException {
        if (dataSource == null) {
            return 100;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            return store == null ? 100 : store.getFileStore().getChunksFillRate();
        }
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
    }

    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        // no interrupt: an interrupted write closes H2's file channel, and with it the database
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The event log's compaction did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
