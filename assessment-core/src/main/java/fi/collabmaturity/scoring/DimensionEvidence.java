package fi.collabmaturity.scoring;

import java.util.List;

/**
 * The evidence on one dimension of an area in a wave: the coded interview segments and the self-assessment answers
 * (one per respondent). How they become units is the framework's rule ({@link EvidenceUnits}).
 */
public record DimensionEvidence(List<InterviewSegment> segments, List<Double> selfAssessmentAnswers) {

    public static final DimensionEvidence NONE = new DimensionEvidence(List.of(), List.of());

    public DimensionEvidence {
        segments = List.copyOf(segments);
        selfAssessmentAnswers = List.copyOf(selfAssessmentAnswers);
    }
}
