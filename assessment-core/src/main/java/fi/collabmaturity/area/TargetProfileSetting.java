package fi.collabmaturity.area;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One target profile as it was set: complete, applying from {@code fromWaveId} on (null: from the first wave),
 * with the researchers' rationale or null. {@code atRegistration} marks the target recorded when the area was
 * registered, which is the default target unless the registration named one.
 */
public record TargetProfileSetting(String fromWaveId, Map<String, Integer> targetProfile, String rationale,
                                   boolean atRegistration) {

    public TargetProfileSetting {
        targetProfile = Collections.unmodifiableMap(new LinkedHashMap<>(targetProfile));
    }
}
