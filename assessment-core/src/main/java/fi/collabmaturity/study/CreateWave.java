package fi.collabmaturity.study;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a measurement round to a study. Its dates are information only; only closing closes it. */
public record CreateWave(@TargetAggregateIdentifier String studyId, String waveId, String label, LocalDate opensOn, LocalDate closesOn) {
}
