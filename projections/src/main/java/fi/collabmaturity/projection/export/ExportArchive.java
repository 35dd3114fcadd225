package fi.collabmaturity.projection.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the export archive: the five CSV tables (streamed row by row into the zip), then the documentation that
 * describes them (datapackage.json, codebook-ddi.xml, codes.qdc, README.md) and last manifest.json with the
 * SHA-256 of every other file. Reproducible: a fixed entry order, every entry dated at the time of the last event
 * the export reflects (1980-01-01, the zip format's first day, when there is none) and no date of the moment of
 * writing anywhere, so the same data gives the same bytes.
 */
public final class ExportArchive {

    public static final List<String> FILES = List.of("waves.csv", "areas.csv", "scores_long.csv",
            "targets_long.csv", "self_assessments_long.csv", "findings.csv", "datapackage.json", "codebook-ddi.xml", "codes.qdc",
            "README.md", "manifest.json");
    private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final String productVersion;

    public ExportArchive(String productVersion) {
        this.productVersion = productVersion;
    }

    public void write(StudyExportData data, ExportOptions options, ExportPoint point, OutputStream out)
            throws IOException {
        LocalDateTime entryTime = point.time() == null ? ZIP_EPOCH
                : LocalDateTime.ofInstant(point.time().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        ZipOutputStream zip = new ZipOutputStream(out);
        List<ArchivedFile> files = new ArrayList<>();
        List<WrittenTable> tables = new ArrayList<>();
        for (ExportTable table : tables(data, options)) {
            String path = table.definition().fileName();
            DigestingOutputStream entry = open(zip, path, entryTime);
            long rows = CsvTableWriter.write(table, entry);
            ArchivedFile file = close(zip, entry, path);
            files.add(file);
            tables.add(new WrittenTable(table.definition(), rows, file));
        }
        DigestingOutputStream entry = open(zip, "datapackage.json", entryTime);
        new DataPackageWriter(data, point, productVersion).write(tables, entry);
        files.add(close(zip, entry, "datapackage.json"));

        entry = open(zip, "codebook-ddi.xml", entryTime);
        new DdiCodebookWriter(data, point, productVersion).write(tables, entry);
        files.add(close(zip, entry, "codebook-ddi.xml"));

        entry = open(zip, "codes.qdc", entryTime);
        new QdcCodebookWriter(data, point, productVersion).write(entry);
        files.add(close(zip, entry, "codes.qdc"));

        entry = open(zip, "README.md", entryTime);
        new ReadmeWriter(data, point, productVersion, options).write(tables, entry);
        files.add(close(zip, entry, "README.md"));

        entry = open(zip, "manifest.json", entryTime);
        new ManifestWriter(data, point, productVersion, options).write(files, entry);
        close(zip, entry, "manifest.json");
        zip.finish();
        zip.flush();
    }

    /** The tables in the archive's order. */
    static List<ExportTable> tables(StudyExportData data, ExportOptions options) {
        return List.of(new WavesTable(data), new AreasTable(data), new ScoresTable(data), new TargetsTable(data),
                new SelfAssessmentsTable(data, options), new FindingsTable(data, options));
    }

    private static DigestingOutputStream open(ZipOutputStream zip, String path, LocalDateTime time)
            throws IOException {
        ZipEntry entry = new ZipEntry(path);
        // local time without a zone: the zip's DOS date then never depends on the server's time zone
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        return new DigestingOutputStream(zip);
    }

    private static ArchivedFile close(ZipOutputStream zip, DigestingOutputStream entry, String path)
            throws IOException {
        entry.flush();
        zip.closeEntry();
        return entry.file(path);
    }
}
