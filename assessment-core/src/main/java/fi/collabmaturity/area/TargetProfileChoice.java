package fi.collabmaturity.area;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target of one area in one wave: the stage every dimension should reach ({@code stages}, complete), and
 * whether it is the default (the framework's highest stage everywhere, no one chose it) or a choice set from wave
 * {@code fromWaveId} on (null: from the first wave) with its {@code rationale} (null when none was given).
 */
public record TargetProfileChoice(Map<String, Integer> stages, boolean isDefault, String fromWaveId,
                                  String rationale) {

    public TargetProfileChoice {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }
}
