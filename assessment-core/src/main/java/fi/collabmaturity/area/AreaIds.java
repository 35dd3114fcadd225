package fi.collabmaturity.area;

/**
 * An area's id is unique within its study only, so its aggregate identifier is {@code studyId/areaId}; study ids
 * cannot contain a slash, so this never collides with another aggregate's identifier.
 */
public final class AreaIds {

    private AreaIds() {
    }

    public static String aggregateId(String studyId, String areaId) {
        return studyId + "/" + areaId;
    }
}
