package fi.collabmaturity.questionnaire;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A researcher opened a questionnaire for areas of one wave, answered by respondents themselves through a link.
 * {@code noticeVersion} identifies the privacy notice texts the respondents consent to (sha-256 hex of the texts,
 * first 16 characters); {@code openLinkHash} is the sha-256 hex of the open link's token (null when invited): the
 * token itself is never stored.
 */
@Revision("1")
public record QuestionnaireOpened(String questionnaireId, String studyId, List<String> areaIds, String waveId,
                                  List<String> languages, String mode, LocalDate closesOn, Map<String, String> intro,
                                  Map<String, String> privacyNotice, String noticeVersion, boolean askComments,
                                  boolean askOrganisationType, boolean askActorLevel, String openLinkHash) {
}
