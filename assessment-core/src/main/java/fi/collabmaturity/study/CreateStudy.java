package fi.collabmaturity.study;

/**
 * Starts a study: a research or monitoring project assessed with one framework, at the version given or, when none
 * is, at the framework's newest version.
 */
public record CreateStudy(String studyId, String title, String frameworkId, String frameworkVersion,
                          String description, String createdBy) {

    /** A study at the framework's newest version. */
    public CreateStudy(String studyId, String title, String frameworkId, String description, String createdBy) {
        this(studyId, title, frameworkId, null, description, createdBy);
    }
}
