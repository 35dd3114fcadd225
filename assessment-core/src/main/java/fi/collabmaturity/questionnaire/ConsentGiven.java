package fi.collabmaturity.questionnaire;

import fi.collabmaturity.privacy.Sealed;
import org.axonframework.serialization.Revision;

/**
 * A respondent consented to the questionnaire's privacy notice. {@code participant} is their participant reference;
 * what they consented to ({@link ConsentDetails}) is sealed with their key, as all personal data is.
 */
@Revision("1")
public record ConsentGiven(String questionnaireId, String studyId, String participant, Sealed consent) {
}
