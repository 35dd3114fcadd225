package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.FieldError;

import java.util.List;

/**
 * What an import found: how many rows it read, how many it accepted (all or none on a real import) and every
 * refused row with all its errors, each naming the spreadsheet column it is about.
 */
public record ImportReport(int rows, int accepted, List<RejectedRow> rejected, List<String> ids, boolean dryRun) {

    public record RejectedRow(int row, List<FieldError> errors) {
    }

    public boolean clean() {
        return rejected.isEmpty();
    }
}
