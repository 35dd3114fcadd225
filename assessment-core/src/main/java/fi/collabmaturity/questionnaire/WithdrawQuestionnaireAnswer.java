package fi.collabmaturity.questionnaire;

/** The respondent withdraws the answer that the withdrawal code with this sha-256 hash was shown for. */
public record WithdrawQuestionnaireAnswer(String studyId, String questionnaireId, String withdrawalCodeHash) {
}
