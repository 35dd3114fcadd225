package fi.collabmaturity.study;

/** Starts a study: a research or monitoring project assessed with one framework. */
public record CreateStudy(String studyId, String title, String frameworkId, String description,
                          String createdBy) {
}
