package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.CodeCount;
import fi.collabmaturity.projection.maturity.ResultParts.DimensionCell;
import fi.collabmaturity.projection.maturity.ResultParts.Overall;
import fi.collabmaturity.projection.maturity.ResultParts.ProfileDimension;
import fi.collabmaturity.projection.maturity.ResultParts.RawScores;
import fi.collabmaturity.projection.maturity.ResultParts.SourceStats;
import fi.collabmaturity.projection.maturity.ResultParts.Sources;
import fi.collabmaturity.projection.maturity.ResultParts.StageSpan;
import fi.collabmaturity.scoring.DimensionScore;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.Source;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scored profile as the API shows it (numbers rounded to 3 decimals, stages as codes, numbers and ranges), plus
 * the unrounded scores under {@code raw}, from which changes between waves are computed; and back.
 */
final class ProfileRecords {

    private ProfileRecords() {
    }

    static StoredProfile stored(String id, String studyId, String areaId, String waveId, MaturityProfile profile,
                                Framework framework, Map<String, Map<String, Integer>> codes) {
        List<ProfileDimension> dimensions = new ArrayList<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        for (DimensionScore d : profile.dimensions()) {
            dimensions.add(new ProfileDimension(d.dimension(), Numbers.round3(d.score()),
                    framework.stageCode(d.stage()), ResultParts.number(d.stage()), StageSpan.of(d.stage()),
                    Numbers.round3(d.ciLow()), Numbers.round3(d.ciHigh()), evidence(d),
                    new Sources(SourceStats.of(d.sources().get(Source.INTERVIEWS)),
                            SourceStats.of(d.sources().get(Source.SELF_ASSESSMENTS))),
                    Numbers.round3(d.triangulationGap()), d.divergent()));
            raw.put(d.dimension(), d.score());
        }
        return new StoredProfile(id, studyId, areaId, waveId,
                new ResultParts.FrameworkRef(profile.framework().id(), profile.framework().version()),
                overall(profile, framework), profile.weakestDimension(), dimensions,
                new RawScores(profile.overallScore(), raw), ordered(codes));
    }

    /** The overview's cell of one area in a wave: overall and per-dimension score and stage. */
    static StoredOverviewCell cell(String id, String studyId, String areaId, String waveId, Document area,
                                   MaturityProfile profile, Framework framework) {
        Map<String, DimensionCell> dimensions = new LinkedHashMap<>();
        for (DimensionScore d : profile.dimensions()) {
            dimensions.put(d.dimension(), new DimensionCell(Numbers.round3(d.score()), framework.stageCode(d.stage()),
                    ResultParts.number(d.stage()), StageSpan.of(d.stage()), evidence(d)));
        }
        return new StoredOverviewCell(id, studyId, areaId, waveId, ResultParts.FrameworkRef.of(framework),
                area.getString("name"), area.getString("regionCode"), area.getString("interfaceTheme"),
                overall(profile, framework), profile.weakestDimension(), dimensions);
    }

    private static Overall overall(MaturityProfile profile, Framework framework) {
        Integer stage = profile.overallStage();
        return new Overall(Numbers.round3(profile.overallScore()),
                stage == null ? null : framework.stage(stage).code(), stage);
    }

    private static String evidence(DimensionScore d) {
        return d.sufficient() ? "sufficient" : "insufficient";
    }

    /**
     * A stored profile back as the scoring's profile, with what trajectories, milestones and paths use: the
     * unrounded scores, the stages, the evidence and divergence flags (not the per-source statistics, which they do
     * not read).
     */
    static MaturityProfile scores(StoredProfile stored) {
        Map<String, Double> raw = stored.raw().dimensions() == null ? Map.of() : stored.raw().dimensions();
        List<DimensionScore> dimensions = new ArrayList<>();
        for (ProfileDimension d : stored.dimensions()) {
            dimensions.add(new DimensionScore(d.dimension(), raw.get(d.dimension()),
                    d.stageRange() == null ? null : d.stageRange().range(), "sufficient".equals(d.evidence()),
                    Map.of(), d.triangulationGap(), d.divergent(), d.ciLow(), d.ciHigh()));
        }
        return new MaturityProfile(new FrameworkRef(stored.framework().id(), stored.framework().version()),
                stored.raw().overall(), stored.overall().stageNumber(), stored.weakestDimension(), dimensions);
    }

    /** The theme codes of a stored profile: dimension → code → number of findings. */
    static Map<String, Map<String, Integer>> codes(StoredProfile stored) {
        Map<String, Map<String, Integer>> codes = new TreeMap<>();
        if (stored.relatedCodes() != null) {
            stored.relatedCodes().forEach((dimension, list) -> {
                Map<String, Integer> counts = new HashMap<>();
                list.forEach(c -> counts.put(c.code(), c.count()));
                codes.put(dimension, counts);
            });
        }
        return codes;
    }

    /** Per dimension, the theme codes of its findings, most frequent first, ties in alphabetical order. */
    private static Map<String, List<CodeCount>> ordered(Map<String, Map<String, Integer>> codes) {
        Map<String, List<CodeCount>> out = new TreeMap<>();
        codes.forEach((dimension, counts) -> out.put(dimension, counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new CodeCount(e.getKey(), e.getValue())).toList()));
        return out;
    }
}
