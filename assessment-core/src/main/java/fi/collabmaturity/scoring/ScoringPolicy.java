package fi.collabmaturity.scoring;

import java.util.EnumMap;
import java.util.Map;

/**
 * The choices a study can make about scoring. The defaults are the product's, so that every installation computes
 * the same numbers unless a study says otherwise: minimum n of 3 units per source, equal source weights,
 * divergence flagged above a gap of 0.75, changes below 0.25 flat.
 */
public record ScoringPolicy(int minimumN, Map<Source, Double> weights, double divergenceThreshold,
                            double changeThreshold) {

    /** A change between two waves smaller than this is flat: below what the instrument can tell apart. */
    public static final double DEFAULT_CHANGE_THRESHOLD = 0.25;

    public static final ScoringPolicy DEFAULT = new ScoringPolicy(3,
            Map.of(Source.INTERVIEWS, 1.0, Source.SELF_ASSESSMENTS, 1.0), 0.75, DEFAULT_CHANGE_THRESHOLD);

    public ScoringPolicy(int minimumN, Map<Source, Double> weights, double divergenceThreshold) {
        this(minimumN, weights, divergenceThreshold, DEFAULT_CHANGE_THRESHOLD);
    }

    public ScoringPolicy {
        if (minimumN < 1) {
            throw new IllegalArgumentException("minimumN must be at least 1");
        }
        EnumMap<Source, Double> complete = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            Double w = weights == null ? null : weights.get(s);
            double weight = w == null ? 1.0 : w;
            if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + s + " must be a non-negative number");
            }
            complete.put(s, weight);
        }
        weights = Map.copyOf(complete);
        if (changeThreshold < 0 || Double.isNaN(changeThreshold) || Double.isInfinite(changeThreshold)) {
            throw new IllegalArgumentException("changeThreshold must be a non-negative number");
        }
    }

    public double weight(Source source) {
        return weights.get(source);
    }
}
