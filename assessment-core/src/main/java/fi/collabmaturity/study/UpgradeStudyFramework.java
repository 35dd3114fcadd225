package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a study to a newer version of its framework. Every score of the study is computed with that version from
 * then on, past waves too; the version it had before stays on record in the event.
 */
public record UpgradeStudyFramework(@TargetAggregateIdentifier String studyId, String version, String upgradedBy) {
}
