package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets how the study's scores are computed: the minimum number of units a source needs to count, the weights of
 * the sources in the combined score, the gap above which interviews and self-assessments are divergent, and the
 * change between two waves below which a dimension is flat. A null keeps the current value.
 */
public record SetScoringPolicy(@TargetAggregateIdentifier String studyId, Integer minimumN, Double interviewsWeight,
                               Double selfAssessmentsWeight, Double divergenceThreshold, Double changeThreshold) {

    public SetScoringPolicy(String studyId, Integer minimumN, Double interviewsWeight, Double selfAssessmentsWeight,
                            Double divergenceThreshold) {
        this(studyId, minimumN, interviewsWeight, selfAssessmentsWeight, divergenceThreshold, null);
    }
}
