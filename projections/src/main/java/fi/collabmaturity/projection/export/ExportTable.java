package fi.collabmaturity.projection.export;

import java.io.IOException;

/** One CSV table of the export: its definition and its rows, always in the same order for the same data. */
public interface ExportTable {

    TableDefinition definition();

    void writeRows(RowSink rows) throws IOException;
}
