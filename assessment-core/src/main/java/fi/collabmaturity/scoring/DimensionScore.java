package fi.collabmaturity.scoring;

import java.util.Map;

/**
 * The result for one dimension of one area in one wave. {@code score} and {@code stage} are null when no source
 * has enough evidence; {@code triangulationGap} is null unless both sources are sufficient.
 */
public record DimensionScore(String dimension, Double score, Integer stage, boolean sufficient,
                             Map<Source, SourceStatistics> sources, Double triangulationGap, boolean divergent) {
}
