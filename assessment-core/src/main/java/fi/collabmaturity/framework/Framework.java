package fi.collabmaturity.framework;

import java.util.List;
import java.util.Optional;

/**
 * A versioned assessment framework: dimensions, stages, descriptors in fi/sv/en and the bands that turn a score
 * into a stage. It is data (see {@code frameworks/*.json}); every computed score carries its id and version.
 */
public record Framework(String id, String version, Localized title, String source, Scale scale,
                        List<Stage> stages, List<StageBand> bands, List<Dimension> dimensions,
                        ScoringRules scoring) {

    public Framework {
        stages = List.copyOf(stages);
        bands = List.copyOf(bands);
        dimensions = List.copyOf(dimensions);
        scoring = scoring == null ? ScoringRules.SEGMENTS : scoring;
    }

    public Framework(String id, String version, Localized title, String source, Scale scale,
                     List<Stage> stages, List<StageBand> bands, List<Dimension> dimensions) {
        this(id, version, title, source, scale, stages, bands, dimensions, null);
    }

    public Optional<Dimension> dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public boolean hasDimension(String code) {
        return dimension(code).isPresent();
    }

    public Stage stage(int number) {
        return stages.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no stage " + number));
    }

    public int lowestStage() {
        return stages.get(0).number();
    }

    public int highestStage() {
        return stages.get(stages.size() - 1).number();
    }

    /** The stage a score falls in by the bands; the top band includes the maximum of the scale. */
    public int stageOf(double score) {
        for (int i = 0; i < bands.size(); i++) {
            StageBand band = bands.get(i);
            boolean last = i == bands.size() - 1;
            if (score >= band.from() && (score < band.to() || (last && score <= band.to()))) {
                return band.stage();
            }
        }
        throw new IllegalArgumentException("score " + score + " is outside the bands of " + id);
    }

    /** The stage of a score on one dimension: the band's stage, lifted to its anchor's representative stage. */
    public int stageOf(String dimension, double score) {
        int stage = stageOf(score);
        return dimension(dimension).map(d -> d.representativeStage(stage)).orElse(stage);
    }

    public FrameworkRef ref() {
        return new FrameworkRef(id, version);
    }
}
