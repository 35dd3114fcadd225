package fi.collabmaturity.selfassessment;

import java.util.Optional;

/**
 * Answers recorded before answers had {@link RespondentSlot}s, which therefore hold no slot. {@link RespondentSlots}
 * asks only when a respondent's slot does not exist yet, so that such an answer still counts as their one answer.
 */
public interface RecordedAnswers {

    /** None: for a store that has no answers from before slots (a new installation, the core's tests). */
    RecordedAnswers NONE = (studyId, areaId, waveId, respondent, except) -> Optional.empty();

    /**
     * The id of a self-assessment by {@code respondent} (participant reference) of the area in the wave that is
     * recorded and not withdrawn, other than {@code except} (the one being submitted; null for none), if there is one.
     */
    Optional<String> earlierAnswer(String studyId, String areaId, String waveId, String respondent, String except);
}
