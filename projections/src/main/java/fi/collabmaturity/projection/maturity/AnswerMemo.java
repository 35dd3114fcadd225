package fi.collabmaturity.projection.maturity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The latest answers to the results' queries, each with the position of the event log the projection had reached
 * when it was read. An answer is given again only while the projection is still at that position: every change
 * of the maturity read models comes with a new position, so nothing needs invalidating, and a rebuild (replay)
 * that passes the position again has by then the same read models (replay equals live). Bounded, least recently
 * used first out.
 *
 * <p>Measured reason (BENCHMARKS.md): without it every read decodes the stored records again (the overview of the
 * national study, 352 cells, about 12 ms of CPU), several times the HTTP floor.
 */
final class AnswerMemo {

    /** About 20 kB a profile or path, an overview of 352 areas about 0.5 MB: tens of MB at most. */
    static final int CAPACITY = 2_048;

    private record Answer(long position, Object value) {
    }

    private final Map<Object, Answer> answers;

    AnswerMemo(int capacity) {
        this.answers = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer to {@code query} (a query record) at {@code position}: remembered, or read and remembered. */
    @SuppressWarnings("unchecked")
    <T> T answer(Object query, long position, Supplier<T> read) {
        Answer kept;
        synchronized (answers) {
            kept = answers.get(query);
        }
        if (kept != null && kept.position() == position) {
            return (T) kept.value();
        }
        T value = read.get();
        synchronized (answers) {
            answers.put(query, new Answer(position, value));
        }
        return value;
    }

    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
