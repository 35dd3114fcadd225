package fi.collabmaturity.interview;

import fi.collabmaturity.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A segment of an interview was coded. {@code segmentId} is null when the finding is its own segment;
 * {@code excerpt} is null when no quote was given, otherwise sealed with the informant's key.
 */
@Revision("1")
public record FindingRecorded(String interviewId, String studyId, String waveId, String findingId,
                              String segmentId, String areaId, String dimension, int stage, List<String> codes,
                              Sealed excerpt, String coder) {
}
