package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.ConflictException;

/** The respondent has already answered this area in this wave, in the self-assessment {@link #recorded()}. */
public class DuplicateAnswerException extends ConflictException {

    private final String recorded;

    public DuplicateAnswerException(String areaId, String waveId, String recorded) {
        super("this respondent has already answered area " + areaId + " in wave " + waveId + " (self-assessment "
                + recorded + "); to replace that answer, say so: \"replaces\": \"" + recorded + "\"");
        this.recorded = recorded;
    }

    /** The id of the self-assessment that holds the respondent's answer. */
    public String recorded() {
        return recorded;
    }
}
