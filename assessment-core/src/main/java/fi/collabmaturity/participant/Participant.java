package fi.collabmaturity.participant;

/**
 * An interview informant or a self-assessment respondent as a client sends them: a pseudonym (never a name),
 * the type of organisation and the level of actor. All three are personal data and are sealed in the events.
 */
public record Participant(String pseudonym, String organisationType, String actorLevel) {
}
