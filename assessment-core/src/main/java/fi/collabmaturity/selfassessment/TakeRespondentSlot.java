package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a respondent's one answer for an area in a wave to a self-assessment; {@code replaces}, when given, is the
 * self-assessment the respondent's earlier answer is in, which this one takes the place of.
 */
public record TakeRespondentSlot(String studyId, String areaId, String waveId, String respondent,
                                 String selfAssessmentId, String replaces) {

    @TargetAggregateIdentifier
    public String slotId() {
        return RecordIds.respondentSlot(studyId, areaId, waveId, respondent);
    }
}
