package fi.collabmaturity.interview;

import fi.collabmaturity.shared.Normalization;
import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Changes a finding's coding. {@code expectedRevision}, when given, must be the finding's current revision
 * (the API's If-Match); an omitted excerpt keeps the one recorded. A finding's area cannot change (withdraw it
 * and record a new one); {@code areaId} may be omitted or repeat the current one.
 */
public record RecodeFinding(String interviewId, String studyId, String findingId,
                            Long expectedRevision, String areaId, String dimension, Integer stage,
                            List<String> codes, String excerpt) {

    /** Theme codes are compared as {@link Normalization} makes them: "työllisyys" is one code however typed. */
    public RecodeFinding {
        codes = Normalization.normalize(codes);
    }

    @TargetAggregateIdentifier
    public String interviewAggregateId() {
        return RecordIds.interview(studyId, interviewId);
    }
}
