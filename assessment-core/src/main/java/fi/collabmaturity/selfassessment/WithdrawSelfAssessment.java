package fi.collabmaturity.selfassessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a self-assessment out of the scores, for the reason given; the record of it stays. */
public record WithdrawSelfAssessment(@TargetAggregateIdentifier String selfAssessmentId, String studyId,
                                     String reason) {
}
