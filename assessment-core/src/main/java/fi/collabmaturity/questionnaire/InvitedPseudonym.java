package fi.collabmaturity.questionnaire;

/** The personal part of an invitation that carries a pseudonym, sealed with that participant's key. */
public record InvitedPseudonym(String pseudonym) {
}
