package fi.collabmaturity.projection.support;

import org.bson.Document;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results computed from a projection's read models, kept for as long as those read models stay at the same
 * version ({@link ProgressQueries.Snapshot#version()}): dashboards and clients ask for the same profiles, paths and
 * overviews over and over between writes, and recomputing them is most of a read's cost. A new version starts an
 * empty generation, so nothing outlives a change; a generation is also bounded in size.
 *
 * <p>A result is computed after its version was read, from read models that are at that version or newer (the
 * version document is written last in every flush), so a cached result is never older than its version says.
 * Callers get their own top-level copy; nested documents are shared and must be treated as read-only.
 */
public final class ResultCache {

    private static final int MAX_ENTRIES = 20_000;

    private record Generation(String version, ConcurrentHashMap<String, Document> results) {
    }

    private volatile Generation current = new Generation("", new ConcurrentHashMap<>());

    public Document get(String version, String key, Supplier<Document> compute) {
        Generation generation = current;
        if (!generation.version().equals(version)) {
            generation = new Generation(version, new ConcurrentHashMap<>());
            current = generation;
        }
        Document result = generation.results().get(key);
        if (result == null) {
            result = compute.get();
            if (generation.results().size() >= MAX_ENTRIES) {
                generation.results().clear();
            }
            generation.results().putIfAbsent(key, result);
        }
        return new Document(result);
    }
}
