package fi.collabmaturity.projection.export;

import java.io.IOException;

/** Receives the rows of a table, one cell per column in the table's column order; null is an empty cell. */
@FunctionalInterface
public interface RowSink {

    void row(String... cells) throws IOException;
}
