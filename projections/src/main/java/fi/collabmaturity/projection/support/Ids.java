package fi.collabmaturity.projection.support;

/** The read models' document ids, composed the way the aggregates compose theirs. */
public final class Ids {

    private Ids() {
    }

    public static String area(String studyId, String areaId) {
        return studyId + "/" + areaId;
    }

    public static String areaWave(String studyId, String areaId, String waveId) {
        return studyId + "/" + areaId + "/" + waveId;
    }

    /** The respondent (a participant reference) last: area and wave ids hold no slash, a reference may. */
    public static String respondentOfAreaWave(String studyId, String areaId, String waveId, String respondent) {
        return areaWave(studyId, areaId, waveId) + "/" + respondent;
    }
}
