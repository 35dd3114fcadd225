package fi.collabmaturity.interview;

/** The personal part of an interview, kept sealed with the informant's key. */
public record InformantDetails(String pseudonym, String organisationType, String actorLevel) {
}
