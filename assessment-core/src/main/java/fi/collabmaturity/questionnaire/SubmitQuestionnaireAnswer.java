package fi.collabmaturity.questionnaire;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One respondent's answer through a questionnaire link ({@code linkHash}: the sha-256 hex of the token used),
 * becoming the self-assessment {@code selfAssessmentId}: the form's one-time submission id, so that the same form sent
 * again through the same link is recognised and stores nothing twice. {@code withdrawalCodeHash}: the hash of the withdrawal code
 * the caller shows the respondent. A dimension answered "cannot say" is absent from {@code answers}; organisation
 * type and actor level are null when not asked or not said.
 */
public record SubmitQuestionnaireAnswer(String studyId, String questionnaireId, String linkHash,
                                        String selfAssessmentId, String withdrawalCodeHash, boolean consent,
                                        String noticeVersion, String language, String areaId,
                                        Map<String, BigDecimal> answers, Map<String, String> comments,
                                        String organisationType, String actorLevel) {
}
