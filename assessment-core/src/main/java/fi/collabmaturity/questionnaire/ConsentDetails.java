package fi.collabmaturity.questionnaire;

/**
 * The personal part of a consent, sealed with the respondent's key: the notice version they were shown, the
 * language they answered in, and their pseudonym (generated, or the one their invitation carries), by which an
 * invitation's replacement answer keeps the same participant.
 */
public record ConsentDetails(String noticeVersion, String language, String pseudonym) {
}
