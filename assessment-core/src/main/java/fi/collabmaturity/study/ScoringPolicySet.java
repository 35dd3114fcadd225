package fi.collabmaturity.study;

import org.axonframework.serialization.Revision;

/**
 * The study's scoring policy was set; every score of the study is computed with it from now on, past waves too.
 * Revision 2 added {@code changeThreshold}; a revision-1 event was recorded when every study used the default
 * threshold, and {@link ScoringPolicySetUpcaster} reads it with that default (0.25), not as 0.
 */
@Revision("2")
public record ScoringPolicySet(String studyId, int minimumN, double interviewsWeight, double selfAssessmentsWeight,
                               double divergenceThreshold, double changeThreshold) {
}
