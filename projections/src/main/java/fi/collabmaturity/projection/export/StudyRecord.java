package fi.collabmaturity.projection.export;

/** The study as its creation recorded it. */
public record StudyRecord(String studyId, String title, String description, String frameworkId,
                          String frameworkVersionAtCreation) {
}
