package fi.collabmaturity.projection.export;

import fi.collabmaturity.scoring.ScoringPolicy;

/** The study as its creation recorded it, with the scoring policy in force at the export's point. */
public record StudyRecord(String studyId, String title, String description, String frameworkId,
                          String frameworkVersionAtCreation, ScoringPolicy policy) {

    StudyRecord withPolicy(ScoringPolicy next) {
        return new StudyRecord(studyId, title, description, frameworkId, frameworkVersionAtCreation, next);
    }
}
