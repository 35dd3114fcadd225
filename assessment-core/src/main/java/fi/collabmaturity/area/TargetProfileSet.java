package fi.collabmaturity.area;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The area's target profile was set; it is complete (every dimension of the framework). It applies from wave
 * {@code fromWaveId} on, in the study's wave order, until a target set from a later wave; {@code rationale} is
 * the researchers' reason for this mix, or null.
 * <p>
 * Revision 2 added {@code fromWaveId} and {@code rationale}. A revision-1 event has neither (both read as null):
 * it was recorded when an area had one target for all its waves, so it applies from the first wave, which is what
 * a null {@code fromWaveId} means; no upcaster is needed.
 */
@Revision("2")
public record TargetProfileSet(String studyId, String areaId, Map<String, Integer> targetProfile, String fromWaveId,
                               String rationale) {
}
