package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/**
 * A study was started with a framework, at the framework's version of that moment. Its creator becomes its first
 * researcher.
 */
@Revision("1")
public record StudyCreated(String studyId, String title, String frameworkId, String frameworkVersion, String description,
                           String createdBy) {
}
