package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.FieldError;

import java.util.List;

/**
 * A batch of self-assessments read from a spreadsheet, one per row. {@code rowNumbers} are the rows as the
 * researcher sees them in the file (the header is row 1), so that a report points at the right line. With
 * {@code dryRun} the rows are only checked; otherwise they are recorded all together or not at all. A row whose
 * respondent has already answered its area in its wave is refused, unless {@code replace} says that the file's
 * answers replace the recorded ones (a corrected file uploaded again).
 */
public record ImportSelfAssessments(String studyId, List<ImportedRow> rows, boolean dryRun, boolean replace) {

    /** A file of first answers, replacing nothing. */
    public ImportSelfAssessments(String studyId, List<ImportedRow> rows, boolean dryRun) {
        this(studyId, rows, dryRun, false);
    }

    /**
     * One row of the file as a submission, with its row number in the file and what could not even be read
     * (a cell that is not a number, say), so that the report lists those beside the domain's own refusals.
     */
    public record ImportedRow(int rowNumber, SubmitSelfAssessment submission, List<FieldError> readErrors) {

        public ImportedRow {
            readErrors = readErrors == null ? List.of() : List.copyOf(readErrors);
        }
    }
}
