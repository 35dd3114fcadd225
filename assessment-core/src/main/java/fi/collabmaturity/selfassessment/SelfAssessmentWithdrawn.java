package fi.collabmaturity.selfassessment;

import org.axonframework.serialization.Revision;

/** A self-assessment was taken out of the scores. */
@Revision("1")
public record SelfAssessmentWithdrawn(String selfAssessmentId, String studyId, String areaId, String waveId,
                                      String reason) {
}
