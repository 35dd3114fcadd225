package fi.collabmaturity.participant;

import fi.collabmaturity.shared.Normalization;

/**
 * An interview informant or a self-assessment respondent as a client sends them: a pseudonym (never a name),
 * the type of organisation and the level of actor. All three are personal data and are sealed in the events.
 * The pseudonym is normalised as the participant is made ({@link Normalization}): it is what identifies the person
 * within a study, across waves and across the ways answers come in.
 */
public record Participant(String pseudonym, String organisationType, String actorLevel) {

    public Participant {
        pseudonym = Normalization.normalize(pseudonym);
    }
}
