package fi.collabmaturity.participant;

import fi.collabmaturity.reference.ActorLevel;
import fi.collabmaturity.reference.OrganisationType;
import fi.collabmaturity.shared.Validation;

/** The checks of a participant, named under the field the client used ({@code informant} or {@code respondent}). */
public final class ParticipantRules {

    private ParticipantRules() {
    }

    public static void check(Validation v, Participant p, String field) {
        if (p == null) {
            v.add(field, "must give pseudonym, organisationType and actorLevel");
            return;
        }
        v.notBlank(p.pseudonym(), field + ".pseudonym").maxLength(p.pseudonym(), 100, field + ".pseudonym")
                .require(OrganisationType.isCode(p.organisationType()), field + ".organisationType",
                        "must be one of " + OrganisationType.codes())
                .require(ActorLevel.isCode(p.actorLevel()), field + ".actorLevel",
                        "must be one of " + ActorLevel.codes());
    }

    /** As {@link #check}, but organisation type and actor level may be missing (null); given, they must be codes. */
    public static void checkOptionalAttributes(Validation v, Participant p, String field) {
        if (p == null) {
            v.add(field, "must give a pseudonym");
            return;
        }
        v.notBlank(p.pseudonym(), field + ".pseudonym").maxLength(p.pseudonym(), 100, field + ".pseudonym")
                .require(p.organisationType() == null || OrganisationType.isCode(p.organisationType()),
                        field + ".organisationType", "must be one of " + OrganisationType.codes())
                .require(p.actorLevel() == null || ActorLevel.isCode(p.actorLevel()), field + ".actorLevel",
                        "must be one of " + ActorLevel.codes());
    }
}
