package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/** A participant's personal data was erased by deleting their key (crypto-shredding); their scores stay. */
@Revision("1")
public record ParticipantErased(String studyId, String participant) {
}
