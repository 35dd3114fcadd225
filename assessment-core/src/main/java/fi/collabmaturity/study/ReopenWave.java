package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Unfreezes a closed wave; the reason is kept in the record. */
public record ReopenWave(@TargetAggregateIdentifier String studyId, String waveId, String reason) {
}
