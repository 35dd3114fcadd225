package fi.collabmaturity.interview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a finding out of the scores for the reason given; its history stays. */
public record WithdrawFinding(@TargetAggregateIdentifier String interviewId, String studyId, String findingId,
                              String reason) {
}
