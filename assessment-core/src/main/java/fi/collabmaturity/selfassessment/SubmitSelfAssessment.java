package fi.collabmaturity.selfassessment;

import fi.collabmaturity.participant.Participant;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One respondent's (or one workshop group's) answers for one area in one wave: a position on the continuum per
 * answered dimension; skipped dimensions are simply absent.
 */
public record SubmitSelfAssessment(String selfAssessmentId, String studyId, String areaId, String waveId,
                                   Participant respondent, Map<String, BigDecimal> answers,
                                   Map<String, String> comments) {
}
