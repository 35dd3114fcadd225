package fi.collabmaturity.projection.studies;

import java.util.List;

/**
 * An interview as the studies projection holds it, its personal data still sealed ({@code informantDetails}, each
 * finding's {@code excerpt}: the stored sealed values, opened by the API for those who may see them). Findings in
 * recording order (then by id), each with its codings by revision.
 */
public record SealedInterview(String id, String waveId, String conductedOn, Object informantDetails,
                              List<String> areaIds, String interviewer, String recordedAt, Long version,
                              List<Finding> findings) {

    /** {@code withdrawal} is null unless withdrawn; {@code excerpt} null when none was recorded. */
    public record Finding(String id, String segmentId, String areaId, String dimension, Integer stage,
                          List<String> codes, Object excerpt, String coder, Long revision, Boolean withdrawn,
                          Withdrawal withdrawal, String recordedAt, List<Coding> history) {
    }

    /** One revision of a finding's coding. */
    public record Coding(Long revision, String areaId, String dimension, Integer stage, List<String> codes, String at,
                         String by) {
    }

    public long findingCount() {
        return findings.stream().filter(f -> !Boolean.TRUE.equals(f.withdrawn())).count();
    }
}
