package fi.collabmaturity.selfassessment;

import org.axonframework.serialization.Revision;

/** The self-assessment that held a respondent's answer for an area in a wave was withdrawn; they may answer again. */
@Revision("1")
public record RespondentSlotFreed(String studyId, String areaId, String waveId, String respondent,
                                  String selfAssessmentId) {
}
