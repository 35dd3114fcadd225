package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a participant's personal data is erased (their key is deleted right after). Only the participant
 * reference is recorded: the pseudonym itself is personal data.
 */
public record EraseParticipant(@TargetAggregateIdentifier String studyId, String participant) {
}
