package fi.collabmaturity.shared;

/**
 * Aggregate identifiers of a study's records. Clients choose ids (an interview "i01", an area "hyte") that are
 * unique within their study only, so the event log keys each record by study, kind and id; study ids cannot contain
 * a slash, so these never collide with a study's own stream or with another study's records.
 */
public final class RecordIds {

    private RecordIds() {
    }

    public static String area(String studyId, String areaId) {
        return studyId + "/area/" + areaId;
    }

    public static String interview(String studyId, String interviewId) {
        return studyId + "/interview/" + interviewId;
    }

    public static String selfAssessment(String studyId, String selfAssessmentId) {
        return studyId + "/self-assessment/" + selfAssessmentId;
    }

    public static String questionnaire(String studyId, String questionnaireId) {
        return studyId + "/questionnaire/" + questionnaireId;
    }

    /**
     * The one answer a respondent (a participant reference, never a pseudonym) may give for an area in a wave. Area
     * and wave ids are identifiers without a slash, so the parts cannot run into each other.
     */
    public static String respondentSlot(String studyId, String areaId, String waveId, String participant) {
        return studyId + "/respondent-slot/" + areaId + "/" + waveId + "/" + participant;
    }
}
