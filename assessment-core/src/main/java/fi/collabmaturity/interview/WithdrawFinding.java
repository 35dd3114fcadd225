package fi.collabmaturity.interview;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a finding out of the scores for the reason given; its history stays. */
public record WithdrawFinding(String interviewId, String studyId, String findingId,
                              String reason) {

    @TargetAggregateIdentifier
    public String interviewAggregateId() {
        return RecordIds.interview(studyId, interviewId);
    }
}
