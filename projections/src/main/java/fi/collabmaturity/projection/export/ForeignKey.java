package fi.collabmaturity.projection.export;

/** A column whose values are keys of another table of the export (e.g. scores_long.area_id → areas.area_id). */
public record ForeignKey(String column, String table, String referencedColumn) {
}
