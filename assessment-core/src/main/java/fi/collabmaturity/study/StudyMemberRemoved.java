package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/**
 * A user's membership of a study was revoked: from then on the study is to them as if it did not exist (their
 * account role alone never opens a study). {@code username} is the spelling the membership was recorded with.
 */
@Revision("1")
public record StudyMemberRemoved(String studyId, String username) {
}
