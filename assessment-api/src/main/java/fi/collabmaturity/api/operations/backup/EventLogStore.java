package fi.collabmaturity.api.operations.backup;

import fi.collabmaturity.api.storage.keys.ParticipantKeyArchive;

import java.util.List;

/**
 * An event store as backup and restore see it: its events in log order, exactly as stored, and the writing of
 * events into it when it is empty. Snapshots, tokens and read models are not part of it: snapshots are a cache of
 * the events, and the projections rebuild their read models (and tokens) from the events on the first start.
 */
public interface EventLogStore extends AutoCloseable {

    /**
     * What positions are in this store: {@code global_index}. (Backups of the old MongoDB event log say
     * {@code event_time_epoch_ms}: their events have no global index.)
     */
    String positions();

    /** Where it is, for messages: a data folder or a PostgreSQL database (never its password). */
    String describe();

    /** What makes the store not empty (events, snapshots, keys, idempotency records); empty when it is empty. */
    List<String> contents();

    /** Hands every event to {@code sink}, in log order. */
    void read(EventSink sink);

    /**
     * Writes the events {@code source} hands out, in that order, preserving identifiers, timestamps, sequence
     * numbers and (where the store has them and the events carry them) global indexes. {@code beforeCommit} runs
     * after the last event was handed over and before the write is made final; a store that can, undoes everything
     * when it throws.
     */
    void write(EventSource source, Runnable beforeCommit);

    /** The store's participant keys. */
    ParticipantKeyArchive keys();

    @Override
    void close();

    interface EventSink {
        void accept(StoredEvent event);
    }

    interface EventSource {
        void forEach(EventSink sink);
    }
}
