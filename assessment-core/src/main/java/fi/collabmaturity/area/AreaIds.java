package fi.collabmaturity.area;

import fi.collabmaturity.shared.RecordIds;

/**
 * An area's id is unique within its study only; its aggregate identifier is composed by {@link RecordIds}.
 */
public final class AreaIds {

    private AreaIds() {
    }

    public static String aggregateId(String studyId, String areaId) {
        return RecordIds.area(studyId, areaId);
    }
}
