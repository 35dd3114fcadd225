package fi.collabmaturity.selfassessment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import fi.collabmaturity.shared.FieldError;

import java.util.List;

/**
 * What an import found: how many rows it read, how many it accepted (all or none on a real import) and every
 * refused row with all its errors, each naming the spreadsheet column it is about.
 */
public record ImportReport(int rows, int accepted, List<RejectedRow> rejected, List<String> ids, boolean dryRun) {

    /**
     * A refused row and its errors; {@code duplicateOf} is the recorded self-assessment whose respondent, area and
     * wave the row repeats (null when it repeats none).
     */
    public record RejectedRow(int row, List<FieldError> errors,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf) {

        public RejectedRow(int row, List<FieldError> errors) {
            this(row, errors, null);
        }
    }

    public boolean clean() {
        return rejected.isEmpty();
    }

    /** Whether every refused row is refused only because its respondent has already answered (a file sent again). */
    @JsonIgnore
    public boolean onlyDuplicatesOfRecorded() {
        return !rejected.isEmpty() && rejected.stream().allMatch(r -> r.duplicateOf() != null && r.errors().size() == 1);
    }
}
