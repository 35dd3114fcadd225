package fi.collabmaturity.questionnaire;

import org.axonframework.serialization.Revision;

/** The respondent withdrew their answer with its withdrawal code (the self-assessment is withdrawn beside this). */
@Revision("1")
public record QuestionnaireAnswerWithdrawn(String questionnaireId, String studyId, String selfAssessmentId) {
}
