package fi.collabmaturity.projection.studies;

/** A study as the list of studies shows it. */
public record StudySummary(String id, String title, String description, FrameworkRef framework, String createdAt) {

    /** The framework a study is assessed with, at the version it uses now. */
    public record FrameworkRef(String id, String version) {
    }
}
