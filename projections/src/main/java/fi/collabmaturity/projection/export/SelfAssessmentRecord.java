package fi.collabmaturity.projection.export;

/**
 * A self-assessment kept compactly: one slot per framework dimension, in framework order, {@code NaN} where the
 * dimension was skipped (missing, never 0). {@code respondentKind} is person or group, with a group's
 * {@code groupSize}; both are null once the respondent has been erased, like their other attributes.
 * {@code comments} is null unless comments were asked for; otherwise it has one slot per dimension, null where there
 * is none. {@code collectionMode} is how it was collected ({@code api}, {@code spreadsheet} or {@code questionnaire},
 * see {@link fi.collabmaturity.selfassessment.CollectionMode}), with the {@code questionnaireId} of a questionnaire's
 * answer (null otherwise).
 */
public record SelfAssessmentRecord(String selfAssessmentId, String areaId, String waveId, PersonAttributes respondent,
                                   String respondentKind, Integer groupSize, double[] answers, String[] comments,
                                   String collectionMode, String questionnaireId) {

    /** The same answers, sent through questionnaire {@code id}. */
    public SelfAssessmentRecord throughQuestionnaire(String id) {
        return new SelfAssessmentRecord(selfAssessmentId, areaId, waveId, respondent, respondentKind, groupSize,
                answers, comments, fi.collabmaturity.selfassessment.CollectionMode.QUESTIONNAIRE, id);
    }

    public boolean answered(int dimension) {
        return !Double.isNaN(answers[dimension]);
    }

    public String comment(int dimension) {
        return comments == null ? null : comments[dimension];
    }
}
