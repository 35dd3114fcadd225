package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.study.Wave;
import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * The target profile the area page shows: the one the path was computed against ({@code targetProfile} of the path
 * document: the stages, whether it is the default, the wave it was set from and its rationale). A path document
 * without it reads as the area's own target profile (which registration completes with the highest stage), and as
 * the default when that asks for the highest stage everywhere: the default (collaboration everywhere) is shown as
 * the default, not as a choice.
 */
public record TargetProfileView(boolean isDefault, String fromWaveLabel, String rationale,
                                Map<String, Object> stages) {

    static TargetProfileView of(Document path, Document area, List<Wave> waves, int highestStage) {
        if (path.get("targetProfile") instanceof Document target) {
            Document stages = target.get("stages") instanceof Document s ? s : new Document();
            boolean isDefault = target.get("isDefault") instanceof Boolean b ? b : stages.isEmpty();
            String fromWave = target.get("fromWaveId") instanceof String id ? id : null;
            String label = fromWave == null ? null : waves.stream().filter(w -> w.waveId().equals(fromWave))
                    .map(Wave::label).findFirst().orElse(fromWave);
            String rationale = target.get("rationale") instanceof String r && !r.isBlank() ? r : null;
            return new TargetProfileView(isDefault, label, rationale, stages);
        }
        Document stages = area.get("targetProfile") instanceof Document s ? s : new Document();
        boolean isDefault = stages.values().stream().allMatch(v -> v instanceof Number n && n.intValue() == highestStage);
        return new TargetProfileView(isDefault, null, null, stages);
    }

    /** The target stage of a dimension; {@code fallback} (the highest stage) where none is set. */
    int stage(String dimension, int fallback) {
        return stages.get(dimension) instanceof Number n ? n.intValue() : fallback;
    }
}
