package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.projection.maturity.ResultParts.TargetProfileEntry;
import fi.collabmaturity.study.Wave;

import java.util.List;
import java.util.Map;

/**
 * The target profile the area page shows: the one the path was computed against (its stages, whether it is the
 * default, the wave it was set from, named by that wave's label, and its rationale).
 */
public record TargetProfileView(boolean isDefault, String fromWaveLabel, String rationale,
                                Map<String, Integer> stages) {

    static TargetProfileView of(TargetProfileEntry target, List<Wave> waves) {
        String fromWave = target.fromWaveId();
        String label = fromWave == null ? null : waves.stream().filter(w -> w.waveId().equals(fromWave))
                .map(Wave::label).findFirst().orElse(fromWave);
        String rationale = target.rationale() != null && !target.rationale().isBlank() ? target.rationale() : null;
        return new TargetProfileView(target.isDefault(), label, rationale,
                target.stages() == null ? Map.of() : target.stages());
    }

    /** The target stage of a dimension; {@code fallback} (the highest stage) where none is set. */
    int stage(String dimension, int fallback) {
        Integer stage = stages.get(dimension);
        return stage == null ? fallback : stage;
    }
}
