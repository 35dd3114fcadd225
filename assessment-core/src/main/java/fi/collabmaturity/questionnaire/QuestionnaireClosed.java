package fi.collabmaturity.questionnaire;

import org.axonframework.serialization.Revision;

/** A researcher closed the questionnaire: its links take no more answers. */
@Revision("1")
public record QuestionnaireClosed(String questionnaireId, String studyId) {
}
