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
}
