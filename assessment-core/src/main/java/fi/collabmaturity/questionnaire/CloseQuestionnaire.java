package fi.collabmaturity.questionnaire;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a questionnaire. */
public record CloseQuestionnaire(String questionnaireId, String studyId) {

    @TargetAggregateIdentifier
    public String questionnaireAggregateId() {
        return RecordIds.questionnaire(studyId, questionnaireId);
    }
}
