package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/** A user was given a role in a study (a later event for the same user replaces the role). */
@Revision("1")
public record StudyMemberAdded(String studyId, String username, String role) {
}
