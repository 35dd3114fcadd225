package fi.collabmaturity.scoring;

import java.util.List;

/**
 * The units of evidence on one dimension: one value per interview segment (the mean of its codings, so that a
 * double-coded segment counts once) and one value per self-assessment answer.
 */
public record DimensionEvidence(List<Double> interviewUnits, List<Double> selfAssessmentAnswers) {

    public static final DimensionEvidence NONE = new DimensionEvidence(List.of(), List.of());

    public DimensionEvidence {
        interviewUnits = List.copyOf(interviewUnits);
        selfAssessmentAnswers = List.copyOf(selfAssessmentAnswers);
    }

    public List<Double> values(Source source) {
        return source == Source.INTERVIEWS ? interviewUnits : selfAssessmentAnswers;
    }
}
