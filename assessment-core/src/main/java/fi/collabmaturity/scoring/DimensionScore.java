package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.StageRange;

import java.util.Map;

/**
 * The result for one dimension of one area in one wave. {@code score} and {@code stage} are null when no source
 * has enough evidence; {@code triangulationGap} is null unless both sources are sufficient. {@code ciLow} and
 * {@code ciHigh} bound the score: the same-weighted mean of the counted sources' reported interval ends, null when a counted
 * source has no interval (fewer than two units).
 */
public record DimensionScore(String dimension, Double score, StageRange stage, boolean sufficient,
                             Map<Source, SourceStatistics> sources, Double triangulationGap, boolean divergent,
                             Double ciLow, Double ciHigh) {
}
