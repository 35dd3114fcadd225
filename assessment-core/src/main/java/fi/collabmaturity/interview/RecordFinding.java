package fi.collabmaturity.interview;

import fi.collabmaturity.shared.Normalization;
import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Codes a segment of an interview: the area and dimension it speaks of, the stage it indicates, theme codes and
 * optionally the excerpt. Two findings with the same segment id and dimension by different coders are a double
 * coding of one unit.
 */
public record RecordFinding(String interviewId, String studyId, String findingId,
                            String segmentId, String areaId, String dimension, Integer stage, List<String> codes,
                            String excerpt, String coder) {

    /** Theme codes are compared as {@link Normalization} makes them: "työllisyys" is one code however typed. */
    public RecordFinding {
        codes = Normalization.normalize(codes);
    }

    @TargetAggregateIdentifier
    public String interviewAggregateId() {
        return RecordIds.interview(studyId, interviewId);
    }
}
