package fi.collabmaturity.selfassessment;

import java.util.Map;

/**
 * The personal part of a self-assessment, kept sealed with the respondent's key: who answered (a person, or a
 * workshop group of {@code groupSize}), their attributes and comments. Details sealed before the kind existed have
 * no kind and read as a person.
 */
public record RespondentDetails(String pseudonym, String organisationType, String actorLevel, String kind,
                                Integer groupSize, Map<String, String> comments) {

    public RespondentDetails {
        kind = kind == null ? RespondentKind.PERSON : kind;
    }

    /** A person's details. */
    public RespondentDetails(String pseudonym, String organisationType, String actorLevel,
                             Map<String, String> comments) {
        this(pseudonym, organisationType, actorLevel, RespondentKind.PERSON, null, comments);
    }

    public RespondentKind respondentKind() {
        return new RespondentKind(kind, groupSize);
    }
}
