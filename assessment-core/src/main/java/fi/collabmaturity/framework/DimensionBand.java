package fi.collabmaturity.framework;

/** One of a dimension's own bands: scores from {@code from} (inclusive) to {@code to} report {@code stage}. */
public record DimensionBand(double from, double to, StageRange stage) {
}
