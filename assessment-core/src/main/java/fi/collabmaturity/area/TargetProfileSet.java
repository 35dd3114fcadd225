package fi.collabmaturity.area;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** The area's target profile was set; it is complete (every dimension of the framework). */
@Revision("1")
public record TargetProfileSet(String studyId, String areaId, Map<String, Integer> targetProfile) {
}
