package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/** A wave was frozen. */
@Revision("1")
public record WaveClosed(String studyId, String waveId) {
}
