package fi.collabmaturity.questionnaire;

/** What a stored answer became: its self-assessment, and the earlier one it replaced (null if none). */
public record QuestionnaireReceipt(String selfAssessmentId, String replaced) {
}
