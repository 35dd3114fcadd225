package fi.collabmaturity.projection.export;

import java.util.List;

/**
 * A finding in its latest coding. {@code segmentId} is null when the finding is its own segment; {@code excerpt}
 * is null unless excerpts were asked for (and also when none was recorded or the informant was erased);
 * {@code revision} counts its codings (1 = never recoded).
 */
public record FindingRecord(String interviewId, String findingId, String segmentId, String areaId, String waveId,
                            String dimension, int stage, List<String> codes, String coder, long revision,
                            String excerpt) {

    public FindingRecord {
        codes = List.copyOf(codes);
    }

    /** The unit of evidence within its interview: its segment, or the finding itself when it has none. */
    public String unit() {
        return segmentId == null ? findingId : segmentId;
    }
}
