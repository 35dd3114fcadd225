package fi.collabmaturity.projection.export;

import java.time.LocalDate;
import java.util.Comparator;

/** A wave as of the export's point: whether it is closed there is part of it. */
public record WaveRecord(String waveId, String label, LocalDate opensOn, LocalDate closesOn, boolean closed) {

    /** The export's wave order: by opening date, then by id (dates may be equal). */
    public static final Comparator<WaveRecord> ORDER =
            Comparator.comparing(WaveRecord::opensOn).thenComparing(WaveRecord::waveId);

    WaveRecord closed(boolean value) {
        return new WaveRecord(waveId, label, opensOn, closesOn, value);
    }
}
