package fi.collabmaturity.questionnaire;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Opens a questionnaire. {@code openLinkHash}: the sha-256 hex of the open link's token, chosen by the caller, who
 * shows the token once (null for {@code invited} mode).
 */
public record OpenQuestionnaire(String questionnaireId, String studyId, List<String> areaIds, String waveId,
                                List<String> languages, String mode, LocalDate closesOn, Map<String, String> intro,
                                Map<String, String> privacyNotice, boolean askComments, boolean askOrganisationType,
                                boolean askActorLevel, String openLinkHash) {
}
