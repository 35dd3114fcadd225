package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a user a role (RESEARCHER or VIEWER) in a study. */
public record AddStudyMember(@TargetAggregateIdentifier String studyId, String username, String role) {
}
