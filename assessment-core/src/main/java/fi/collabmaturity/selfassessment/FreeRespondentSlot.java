package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The self-assessment was withdrawn: if it holds the respondent's answer, the respondent may answer again. */
public record FreeRespondentSlot(String studyId, String areaId, String waveId, String respondent,
                                 String selfAssessmentId) {

    @TargetAggregateIdentifier
    public String slotId() {
        return RecordIds.respondentSlot(studyId, areaId, waveId, respondent);
    }
}
