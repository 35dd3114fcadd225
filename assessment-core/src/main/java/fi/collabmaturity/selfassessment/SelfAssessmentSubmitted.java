package fi.collabmaturity.selfassessment;

import fi.collabmaturity.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A self-assessment was submitted. {@code respondent} is the participant reference (stable across waves, so
 * panels can be followed); who that is, their organisation type, actor level and comments are in
 * {@code respondentDetails}, sealed with their key ({@link RespondentDetails}). Answers are in framework order.
 */
@Revision("1")
public record SelfAssessmentSubmitted(String selfAssessmentId, String studyId, String areaId, String waveId,
                                      String respondent, Sealed respondentDetails,
                                      Map<String, BigDecimal> answers) {
}
