package fi.collabmaturity.projection.studies;

import java.util.Map;

/**
 * A self-assessment as the studies projection holds it, the respondent's details and comments still sealed
 * ({@code respondentDetails}: the stored sealed value). {@code withdrawal} is null unless withdrawn.
 */
public record SealedSelfAssessment(String id, String areaId, String waveId, Object respondentDetails,
                                   Map<String, Double> answers, Boolean withdrawn, Withdrawal withdrawal,
                                   String submittedAt, Long version) {
}
