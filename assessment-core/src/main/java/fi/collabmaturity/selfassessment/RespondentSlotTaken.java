package fi.collabmaturity.selfassessment;

import org.axonframework.serialization.Revision;

/**
 * A respondent's answer for an area in a wave is the self-assessment {@code selfAssessmentId}; {@code replaces} is the
 * self-assessment it took the place of (withdrawn in the same unit of work), or null for a first answer.
 * {@code respondent} is the participant reference, as in {@link SelfAssessmentSubmitted}: no personal data.
 */
@Revision("1")
public record RespondentSlotTaken(String studyId, String areaId, String waveId, String respondent,
                                  String selfAssessmentId, String replaces) {
}
