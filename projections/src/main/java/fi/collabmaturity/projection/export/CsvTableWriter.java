package fi.collabmaturity.projection.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a table as CSV with Apache Commons CSV: RFC 4180 quoting (only where needed), comma, UTF-8 without a
 * byte-order mark, {@code \n} line ends, a header row, and an empty cell for every missing value. Rows are written
 * as they come, so a table of any size passes through a small buffer. Every cell passes through
 * {@link SpreadsheetSafeText} here, the one place where text leaves for a CSV file, so that no imported value is
 * run as a formula by a spreadsheet that opens the file.
 */
final class CsvTableWriter {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTableWriter() {
    }

    /** Writes the header and the rows; returns the number of data rows. Leaves {@code out} open. */
    static long write(ExportTable table, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT.builder()
                .setHeader(table.definition().header()).get());
        long[] rows = {0};
        int columns = table.definition().columns().size();
        boolean[] text = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = table.definition().columns().get(i).type() == ColumnType.STRING;
        }
        table.writeRows(cells -> {
            if (cells.length != columns) {
                throw new IllegalStateException(table.definition().name() + ": a row of " + cells.length
                        + " cells for " + columns + " columns");
            }
            String[] safe = new String[columns];
            for (int i = 0; i < columns; i++) {
                safe[i] = SpreadsheetSafeText.cell(cells[i], text[i]);
            }
            printer.printRecord((Object[]) safe);
            rows[0]++;
        });
        printer.flush();
        return rows[0];
    }
}
