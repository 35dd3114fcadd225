package fi.collabmaturity.selfassessment;

import fi.collabmaturity.participant.Participant;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One respondent's (a person's or one workshop group's, as {@code respondentKind} says; a person when null)
 * answers for one area in one wave: a position on the continuum per
 * answered dimension; skipped dimensions are simply absent. A respondent answers an area once per wave: a second
 * answer must name the self-assessment it {@code replaces} (null for a first answer), which is then withdrawn.
 */
public record SubmitSelfAssessment(String selfAssessmentId, String studyId, String areaId, String waveId,
                                   Participant respondent, RespondentKind respondentKind,
                                   Map<String, BigDecimal> answers, Map<String, String> comments, String replaces) {

    /** A person's answer ({@code respondentKind} is a person when not given). */
    public SubmitSelfAssessment(String selfAssessmentId, String studyId, String areaId, String waveId,
                                Participant respondent, Map<String, BigDecimal> answers, Map<String, String> comments,
                                String replaces) {
        this(selfAssessmentId, studyId, areaId, waveId, respondent, null, answers, comments, replaces);
    }

    /** A first answer, replacing nothing. */
    public SubmitSelfAssessment(String selfAssessmentId, String studyId, String areaId, String waveId,
                                Participant respondent, Map<String, BigDecimal> answers, Map<String, String> comments) {
        this(selfAssessmentId, studyId, areaId, waveId, respondent, null, answers, comments, null);
    }

    /** The same answers, replacing the self-assessment {@code earlier}. */
    public SubmitSelfAssessment replacing(String earlier) {
        return new SubmitSelfAssessment(selfAssessmentId, studyId, areaId, waveId, respondent, respondentKind, answers,
                comments, earlier);
    }
}
