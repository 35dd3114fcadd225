package fi.collabmaturity.projection.export;

/** A table after it was written: its definition, its number of data rows and the file it became. */
record WrittenTable(TableDefinition definition, long rows, ArchivedFile file) {
}
