package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/** A closed wave was opened again, for the reason given. */
@Revision("1")
public record WaveReopened(String studyId, String waveId, String reason) {
}
