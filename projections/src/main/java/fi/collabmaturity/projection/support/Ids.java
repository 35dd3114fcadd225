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
}
