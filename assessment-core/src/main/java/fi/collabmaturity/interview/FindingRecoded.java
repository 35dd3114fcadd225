package fi.collabmaturity.interview;

import fi.collabmaturity.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A finding's coding was changed; {@code revision} counts its codings (the first recording is 1). */
@Revision("1")
public record FindingRecoded(String interviewId, String studyId, String waveId, String findingId,
                             String areaId, String dimension, int stage, List<String> codes, Sealed excerpt,
                             long revision) {
}
