package fi.collabmaturity.study;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A measurement round was added to a study. */
@Revision("1")
public record WaveCreated(String studyId, String waveId, String label, LocalDate opensOn, LocalDate closesOn) {
}
