package fi.collabmaturity.interview;

import org.axonframework.serialization.Revision;

/** A finding was taken out of the scores. */
@Revision("1")
public record FindingWithdrawn(String interviewId, String studyId, String waveId, String findingId, String areaId,
                               String dimension, String reason) {
}
