package fi.collabmaturity.area;

import java.util.List;
import java.util.Map;

/** Registers a collaboration under assessment: an interface theme within one region, with its parties. */
public record RegisterArea(String studyId, String areaId, String name, String regionCode, String interfaceTheme,
                           List<Party> parties, Map<String, Integer> targetProfile) {
}
