package fi.collabmaturity.area;

import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A collaboration area was registered in a study; the target profile is complete (defaults filled in). */
@Revision("1")
public record AreaRegistered(String studyId, String areaId, String name, String regionCode, String interfaceTheme, List<Party> parties, Map<String, Integer> targetProfile) {
}
