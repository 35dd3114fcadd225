package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.DimensionBand;
import fi.collabmaturity.framework.StageRange;
import org.apache.commons.statistics.distribution.TDistribution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring rules of the domain brief as pure functions: the same evidence always gives the same profile,
 * whether computed live, by a replay or by the export.
 */
public final class ProfileScoring {

    private ProfileScoring() {
    }

    /** The profile of one area in one wave from the evidence per dimension (missing dimensions have none). */
    public static MaturityProfile profile(Framework framework, ScoringPolicy policy,
                                          Map<String, DimensionEvidence> evidence) {
        List<DimensionScore> dimensions = new ArrayList<>();
        for (Dimension d : framework.dimensions()) {
            dimensions.add(dimension(framework, policy, d.code(),
                    evidence.getOrDefault(d.code(), DimensionEvidence.NONE)));
        }
        List<DimensionScore> scored = dimensions.stream().filter(d -> d.score() != null).toList();
        Double overall = null;
        Integer overallStage = null;
        String weakest = WeakestDimension.of(framework, scored);
        if (scored.size() * 2 >= framework.dimensions().size()) {
            overall = scored.stream().mapToDouble(DimensionScore::score).sum() / scored.size();
            overallStage = framework.stageOf(Numbers.reported(overall));
        }
        return new MaturityProfile(framework.ref(), overall, overallStage, weakest, dimensions);
    }

    /** One dimension: statistics per source, the weighted mean of the sufficient sources, the stage, the gap. */
    public static DimensionScore dimension(Framework framework, ScoringPolicy policy, String dimension,
                                           DimensionEvidence evidence) {
        Map<Source, SourceStatistics> sources = new EnumMap<>(Source.class);
        double weightedSum = 0;
        double weights = 0;
        double lowestMean = Double.POSITIVE_INFINITY;
        double highestMean = Double.NEGATIVE_INFINITY;
        double weightedLow = 0;
        double weightedHigh = 0;
        boolean interval = true;
        for (Source source : Source.values()) {
            SourceStatistics stats = statistics(framework, dimension,
                    EvidenceUnits.of(framework, dimension, evidence, source), policy.minimumN());
            sources.put(source, stats);
            if (stats.sufficient() && policy.weight(source) > 0) {
                double w = policy.weight(source);
                weightedSum += w * stats.mean();
                weights += w;
                lowestMean = Math.min(lowestMean, stats.mean());
                highestMean = Math.max(highestMean, stats.mean());
                if (stats.ciLow() == null) {
                    interval = false;
                } else {
                    // the ends as the source rows report them, so the export's rows give the same interval
                    weightedLow += w * Numbers.reported(stats.ciLow());
                    weightedHigh += w * Numbers.reported(stats.ciHigh());
                }
            }
        }
        // A weighted mean lies between the means it combines; rounding can push it past them (weights 0.1 and 0.1
        // on two means of 3 give 0.6000000000000001 / 0.2 = 3.0000000000000004, off the scale), so keep it there.
        Double score = weights > 0 ? Math.min(highestMean, Math.max(lowestMean, weightedSum / weights)) : null;
        // the stage of the reported (rounded) score, so that the exported score reproduces it by the bands
        StageRange stage = score == null ? null : framework.stageOf(dimension, Numbers.reported(score));
        Double ciLow = null;
        Double ciHigh = null;
        if (score != null && interval) {
            double min = framework.scale().min().doubleValue();
            double max = framework.scale().max().doubleValue();
            ciLow = Math.max(min, Math.min(score, weightedLow / weights));
            ciHigh = Math.min(max, Math.max(score, weightedHigh / weights));
        }
        SourceStatistics interviews = sources.get(Source.INTERVIEWS);
        SourceStatistics self = sources.get(Source.SELF_ASSESSMENTS);
        Double gap = null;
        boolean divergent = false;
        if (interviews.sufficient() && self.sufficient()) {
            gap = Math.abs(interviews.mean() - self.mean());
            divergent = Numbers.compare(gap, policy.divergenceThreshold()) > 0;
        }
        return new DimensionScore(dimension, score, stage, score != null, sources, gap, divergent, ciLow, ciHigh);
    }

    /**
     * n, mean, sample sd, a 95% t-interval of the mean clipped to the scale, and the distribution of the units
     * over the dimension's reported stages (each unit's value mapped by the dimension's bands, so a merged anchor
     * is one entry: power's {@code cooperation_or_coordination}).
     */
    public static SourceStatistics statistics(Framework framework, String dimension, List<Double> unordered,
                                              int minimumN) {
        // sorted, so that the floating-point sums do not depend on the order in which evidence arrived
        List<Double> values = unordered.stream().sorted().toList();
        int n = values.size();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        boolean onAnchors = framework.dimension(dimension).map(Dimension::measuredOnAnchors).orElse(false);
        if (onAnchors) {
            for (DimensionBand band : framework.bands(dimension)) {
                distribution.put(framework.stageCode(band.stage()), 0);
            }
        } else {
            // 1.0.0 listed every stage, also one no unit can be counted in (power's cooperation)
            framework.stages().forEach(s -> distribution.put(s.code(), 0));
        }
        if (n == 0) {
            return new SourceStatistics(0, null, null, null, null, distribution, false);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
            String code = framework.stageCode(framework.stageOf(dimension, Numbers.reported(v)));
            distribution.merge(code, 1, Integer::sum);
        }
        double mean = sum / n;
        Double sd = null;
        Double low = null;
        Double high = null;
        if (n >= 2) {
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            sd = Math.sqrt(squares / (n - 1));
            double halfWidth = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
            double min = framework.scale().min().doubleValue();
            double max = framework.scale().max().doubleValue();
            low = Math.max(min, mean - halfWidth);
            high = Math.min(max, mean + halfWidth);
        }
        return new SourceStatistics(n, mean, sd, low, high, distribution, n >= minimumN);
    }
}
