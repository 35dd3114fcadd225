package fi.collabmaturity.framework;

import java.util.ArrayList;
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

    /**
     * The stage of a score on one dimension, by that dimension's bands ({@link #bands(String)}): a function of the
     * score alone, so the same score gives the same stage in the API, on the dashboards and in the export.
     */
    public StageRange stageOf(String dimension, double score) {
        int stage = stageOf(score);
        return dimension(dimension).map(d -> d.reported(stage)).orElse(StageRange.of(stage));
    }

    /**
     * A dimension's own bands: the framework's bands, with the bands of stages reported as one range joined (power
     * on anchors: [1, 2.5) cooperation or coordination, [2.5, 3] collaboration). The export's codebook lists them.
     */
    public List<DimensionBand> bands(String dimension) {
        Dimension d = dimension(dimension)
                .orElseThrow(() -> new IllegalArgumentException(id + " has no dimension " + dimension));
        List<DimensionBand> out = new ArrayList<>();
        for (StageBand band : bands) {
            StageRange reported = d.reported(band.stage());
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).stage().equals(reported)) {
                out.set(last, new DimensionBand(out.get(last).from(), band.to(), reported));
            } else {
                out.add(new DimensionBand(band.from(), band.to(), reported));
            }
        }
        return List.copyOf(out);
    }

    /** The code of a reported stage: the stage's code, or its stages' codes joined by {@code _or_} for a range. */
    public String stageCode(StageRange range) {
        if (range == null) {
            return null;
        }
        if (range.single()) {
            return stage(range.from()).code();
        }
        StringBuilder code = new StringBuilder(stage(range.from()).code());
        for (int s = range.from() + 1; s <= range.to(); s++) {
            code.append("_or_").append(stage(s).code());
        }
        return code.toString();
    }

    /** The label of a reported stage in fi/sv/en: for a range, its stages' labels joined by " / ". */
    public Localized stageLabels(StageRange range) {
        if (range.single()) {
            return stage(range.from()).labels();
        }
        StringBuilder fi = new StringBuilder();
        StringBuilder sv = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (int s = range.from(); s <= range.to(); s++) {
            String sep = s == range.from() ? "" : " / ";
            Localized l = stage(s).labels();
            fi.append(sep).append(l.fi());
            sv.append(sep).append(l.sv());
            en.append(sep).append(l.en());
        }
        return new Localized(fi.toString(), sv.toString(), en.toString());
    }

    /** Every stage code a result of this framework can carry: the stages and the ranges of merged anchors. */
    public List<StageRange> reportedStages() {
        List<StageRange> out = new ArrayList<>();
        for (Stage s : stages) {
            out.add(StageRange.of(s.number()));
        }
        for (Dimension d : dimensions) {
            for (StageBand band : bands) {
                StageRange r = d.reported(band.stage());
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return List.copyOf(out);
    }

    public FrameworkRef ref() {
        return new FrameworkRef(id, version);
    }
}
