package fi.collabmaturity.study;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets how the study's scores are computed: the minimum number of units a source needs to count, the weights of
 * the sources in the combined score, and the gap above which interviews and self-assessments are divergent.
 */
public record SetScoringPolicy(@TargetAggregateIdentifier String studyId, Integer minimumN, Double interviewsWeight,
                               Double selfAssessmentsWeight, Double divergenceThreshold) {
}
