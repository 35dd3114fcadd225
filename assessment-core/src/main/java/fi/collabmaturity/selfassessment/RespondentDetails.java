package fi.collabmaturity.selfassessment;

import java.util.Map;

/** The personal part of a self-assessment, kept sealed with the respondent's key. */
public record RespondentDetails(String pseudonym, String organisationType, String actorLevel,
                                Map<String, String> comments) {
}
