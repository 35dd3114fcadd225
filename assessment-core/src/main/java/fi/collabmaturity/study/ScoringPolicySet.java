package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/** The study's scoring policy was set; every score of the study is computed with it from now on, past waves too. */
@Revision("1")
public record ScoringPolicySet(String studyId, int minimumN, double interviewsWeight, double selfAssessmentsWeight,
                               double divergenceThreshold) {
}
