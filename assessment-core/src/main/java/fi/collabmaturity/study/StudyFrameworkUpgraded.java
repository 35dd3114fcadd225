package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/**
 * A researcher moved the study from one version of its framework to a newer one; every score of the study is
 * computed with the new version from now on, past waves too.
 */
@Revision("1")
public record StudyFrameworkUpgraded(String studyId, String frameworkId, String fromVersion, String toVersion,
                                     String upgradedBy) {
}
