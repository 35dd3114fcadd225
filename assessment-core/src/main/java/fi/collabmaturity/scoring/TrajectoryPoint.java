package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.StageRange;

/**
 * One wave of a trajectory. {@code score} and {@code stage} are null when that wave has no score (no profile, or
 * insufficient evidence). {@code change} is the difference of the reported scores from the wave immediately before, null when
 * either of the two has no score (or this is the first wave); {@code direction} and {@code decidedBy} are null
 * exactly when {@code change} is. {@code ciLow}/{@code ciHigh} are the score's interval where it has one.
 */
public record TrajectoryPoint(String waveId, Double score, StageRange stage, Double ciLow, Double ciHigh,
                              Double change, Direction direction, Direction.Test decidedBy) {
}
