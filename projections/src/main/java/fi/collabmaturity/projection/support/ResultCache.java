package fi.collabmaturity.projection.support;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Results computed from a projection's read models, kept for as long as those read models stay at the same
 * version ({@link ProgressQueries.Snapshot#version()}): dashboards and clients ask for the same profiles, paths and
 * overviews over and over between writes, and recomputing them is most of a read's cost. A new version starts an
 * empty generation, so nothing outlives a change; a generation is also bounded in size.
 *
 * <p>A result is computed after its version was read, from read models that are at that version or newer (the
 * version document is written last in every flush), so a cached result is never older than its version says.
 * Callers get what {@code handOut} makes of the kept value (a top-level copy of a mutable document, the value
 * itself when it is immutable).
 */
public final class ResultCache<T> {

    private static final int MAX_ENTRIES = 20_000;

    private record Generation<T>(String version, ConcurrentHashMap<String, T> results) {
    }

    private final UnaryOperator<T> handOut;
    private volatile Generation<T> current = new Generation<>("", new ConcurrentHashMap<>());

    /** For immutable results: callers get the kept value itself. */
    public ResultCache() {
        this(UnaryOperator.identity());
    }

    public ResultCache(UnaryOperator<T> handOut) {
        this.handOut = handOut;
    }

    public T get(String version, String key, Supplier<T> compute) {
        Generation<T> generation = current;
        if (!generation.version().equals(version)) {
            generation = new Generation<>(version, new ConcurrentHashMap<>());
            current = generation;
        }
        T result = generation.results().get(key);
        if (result == null) {
            result = compute.get();
            if (generation.results().size() >= MAX_ENTRIES) {
                generation.results().clear();
            }
            T raced = generation.results().putIfAbsent(key, result);
            if (raced != null) {
                result = raced;
            }
        }
        return handOut.apply(result);
    }
}
