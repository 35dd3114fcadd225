package fi.collabmaturity.area;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the six building blocks of a collaboration management system (Association of Finnish
 * Municipalities and Hyvil): each {@code missing}, {@code partial} or {@code in_place}.
 */
public record BuildingBlocks(String legalFrame, String sharedSituationalPicture, String sharedGoals,
                             String responsibilities, String operatingModels, String forums) {

    public static final List<String> STATES = List.of("missing", "partial", "in_place");

    /** The blocks by their API field names, in the national project's order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("legalFrame", legalFrame);
        map.put("sharedSituationalPicture", sharedSituationalPicture);
        map.put("sharedGoals", sharedGoals);
        map.put("responsibilities", responsibilities);
        map.put("operatingModels", operatingModels);
        map.put("forums", forums);
        return map;
    }
}
