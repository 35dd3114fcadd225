package fi.collabmaturity.projection.export;

import java.io.IOException;
import java.util.List;

/** waves.csv: one row per wave, in wave order. */
final class WavesTable implements ExportTable {

    private final StudyExportData data;

    WavesTable(StudyExportData data) {
        this.data = data;
    }

    @Override
    public TableDefinition definition() {
        return new TableDefinition("waves",
                new Bilingual("Mittausaallot", "Waves"),
                new Bilingual("Tutkimuksen mittausaallot aikajärjestyksessä (alkamispäivä, sitten tunniste).",
                        "The study's measurement waves in time order (opening date, then id)."),
                List.of(SharedColumns.studyId(), SharedColumns.waveId(),
                        Column.of("wave_index", ColumnType.INTEGER, true,
                                new Bilingual("Aallon järjestysnumero", "Wave number"),
                                new Bilingual("1 ensimmäiselle aallolle, 2 seuraavalle jne.",
                                        "1 for the first wave, 2 for the next, and so on."))
                                .between(1, null),
                        Column.of("wave_label", ColumnType.STRING, true, new Bilingual("Aallon nimi", "Wave label"),
                                new Bilingual("Aallon nimi, esim. \"2023 syksy\".",
                                        "The wave's label, e.g. \"2023 autumn baseline\".")),
                        Column.of("wave_opens_on", ColumnType.DATE, true,
                                new Bilingual("Aalto alkaa", "Wave opens on"),
                                new Bilingual("Aallon alkamispäivä (tiedoksi).", "The wave's opening date "
                                        + "(information only).")),
                        Column.of("wave_closes_on", ColumnType.DATE, true,
                                new Bilingual("Aalto päättyy", "Wave closes on"),
                                new Bilingual("Aallon päättymispäivä (tiedoksi).", "The wave's closing date "
                                        + "(information only).")),
                        Column.of("wave_closed", ColumnType.BOOLEAN, true,
                                new Bilingual("Aalto suljettu", "Wave closed"),
                                new Bilingual("true, jos aalto oli suljettu (jäädytetty) viennin ajankohtana.",
                                        "true when the wave was closed (frozen) at the export's point."))),
                List.of("wave_id"), List.of());
    }

    @Override
    public void writeRows(RowSink rows) throws IOException {
        int index = 1;
        for (WaveRecord w : data.waves()) {
            rows.row(data.study().studyId(), w.waveId(), Cells.integer(index++), w.label(), Cells.date(w.opensOn()),
                    Cells.date(w.closesOn()), Cells.bool(w.closed()));
        }
    }
}
