package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Freezes a wave: nothing can be added to it or changed in it until it is reopened. */
public record CloseWave(@TargetAggregateIdentifier String studyId, String waveId) {
}
