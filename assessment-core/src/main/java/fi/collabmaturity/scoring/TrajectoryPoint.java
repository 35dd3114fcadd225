package fi.collabmaturity.scoring;

/**
 * One wave of a trajectory. {@code score} and {@code stage} are null when that wave has no score (no profile, or
 * insufficient evidence). {@code change} is the unrounded difference from the wave immediately before, null when
 * either of the two has no score (or this is the first wave); {@code direction} is null exactly when
 * {@code change} is.
 */
public record TrajectoryPoint(String waveId, Double score, Integer stage, Double change, Direction direction) {
}
