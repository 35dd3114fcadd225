package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a self-assessment out of the scores, for the reason given; the record of it stays. */
public record WithdrawSelfAssessment(String selfAssessmentId, String studyId,
                                     String reason) {

    @TargetAggregateIdentifier
    public String selfAssessmentAggregateId() {
        return RecordIds.selfAssessment(studyId, selfAssessmentId);
    }
}
