package fi.collabmaturity.framework;

/** The framework a result was computed with. */
public record FrameworkRef(String id, String version) {
}
