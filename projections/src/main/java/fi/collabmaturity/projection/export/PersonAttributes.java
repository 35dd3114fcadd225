package fi.collabmaturity.projection.export;

/**
 * An informant or respondent as the export shows them: the pseudonym with organisation type and actor level, or,
 * once the participant has been erased, a stable anonymous token in place of the pseudonym and no attributes.
 */
public record PersonAttributes(String pseudonym, String organisationType, String actorLevel, boolean erased) {

    /**
     * The token of an erased participant: derived from their random participant reference, so that their records
     * still link up (within and across waves) while nothing about who they were is left.
     */
    public static PersonAttributes erased(String participant) {
        String prefix = participant == null ? "unknown"
                : participant.substring(0, Math.min(8, participant.length()));
        return new PersonAttributes("erased-" + prefix, null, null, true);
    }
}
