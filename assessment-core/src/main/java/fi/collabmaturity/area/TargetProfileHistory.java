package fi.collabmaturity.area;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every target profile an area was given, in the order they were set, and which of them is the target of a wave.
 * <p>
 * The target of wave W is the one set from the latest wave at or before W in the study's wave order; of several
 * set from the same wave the last set wins. A wave before every setting has the default target, the framework's
 * highest stage on every dimension, reported as the default and not as a choice. So does the target recorded at
 * registration when it is exactly the default: a registration that names no target records the default, and
 * calling it a choice would claim a decision no one made.
 *
 * @param defaultTarget the framework's highest stage on every dimension
 * @param settings      the settings in the order they were made
 */
public record TargetProfileHistory(Map<String, Integer> defaultTarget, List<TargetProfileSetting> settings) {

    public TargetProfileHistory {
        defaultTarget = Map.copyOf(defaultTarget);
        settings = List.copyOf(settings);
    }

    public static TargetProfileHistory of(Framework framework, List<TargetProfileSetting> settings) {
        Map<String, Integer> highest = new LinkedHashMap<>();
        for (Dimension d : framework.dimensions()) {
            highest.put(d.code(), framework.highestStage());
        }
        return new TargetProfileHistory(highest, settings);
    }

    /**
     * The target of {@code waveId} among {@code orderedWaveIds} (the study's wave order); a null {@code waveId}
     * asks for the target after the last wave, the one in force now. A setting from a wave not in the order is
     * not considered.
     *
     * @throws IllegalArgumentException when {@code waveId} is not null and not in the order
     */
    public TargetProfileChoice forWave(List<String> orderedWaveIds, String waveId) {
        int wave = waveId == null ? orderedWaveIds.size() : orderedWaveIds.indexOf(waveId);
        if (wave < 0) {
            throw new IllegalArgumentException("wave " + waveId + " is not in the wave order " + orderedWaveIds);
        }
        TargetProfileSetting chosen = null;
        int chosenFrom = Integer.MIN_VALUE;
        for (TargetProfileSetting s : settings) {
            int from = s.fromWaveId() == null ? -1 : orderedWaveIds.indexOf(s.fromWaveId());
            boolean known = s.fromWaveId() == null || from >= 0;
            if (known && from <= wave && from >= chosenFrom) {
                chosen = s;
                chosenFrom = from;
            }
        }
        if (chosen == null || (chosen.atRegistration() && isDefault(chosen.targetProfile()))) {
            return new TargetProfileChoice(completed(Map.of()), true, null, null);
        }
        return new TargetProfileChoice(completed(chosen.targetProfile()), false, chosen.fromWaveId(),
                chosen.rationale());
    }

    private boolean isDefault(Map<String, Integer> target) {
        return completed(target).equals(defaultTarget);
    }

    /** Every dimension of the framework: a setting recorded under another framework version may lack one. */
    private Map<String, Integer> completed(Map<String, Integer> target) {
        Map<String, Integer> complete = new LinkedHashMap<>();
        defaultTarget.forEach((dimension, highest) -> complete.put(dimension, target.getOrDefault(dimension, highest)));
        return complete;
    }
}
