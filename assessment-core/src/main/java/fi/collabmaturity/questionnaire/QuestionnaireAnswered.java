package fi.collabmaturity.questionnaire;

import org.axonframework.serialization.Revision;

/**
 * A respondent's answer came in through the questionnaire as the self-assessment {@code selfAssessmentId}.
 * {@code invitationHash} is the invitation used (null on the open link), {@code withdrawalCodeHash} the sha-256 hex
 * of the withdrawal code shown to the respondent, {@code replaces} the invitation's earlier answer it replaces.
 */
@Revision("1")
public record QuestionnaireAnswered(String questionnaireId, String studyId, String selfAssessmentId, String areaId,
                                    String waveId, String invitationHash, String withdrawalCodeHash,
                                    String replaces) {
}
