package fi.collabmaturity.projection.studies;

import java.util.List;
import java.util.Map;

/**
 * A questionnaire as the studies projection holds it. {@code closed}: closed by a researcher or by its wave (the
 * closing date is the reader's to compare); {@code currentAnswers}: the self-assessments that count as its
 * responses (not withdrawn).
 */
public record StoredQuestionnaire(String id, String studyId, String waveId, List<String> areaIds, String mode,
                                  List<String> languages, String closesOn, Map<String, String> intro,
                                  Map<String, String> privacyNotice, String noticeVersion, boolean askComments,
                                  boolean askOrganisationType, boolean askActorLevel, String openedAt,
                                  String closedAt, Long version, boolean closed, int invitations, int responses,
                                  Map<String, Integer> responsesByArea, int withdrawn, List<String> currentAnswers) {
}
