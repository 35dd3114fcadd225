package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a user's membership of a study (the username compared ignoring case). */
public record RemoveStudyMember(@TargetAggregateIdentifier String studyId, String username) {
}
