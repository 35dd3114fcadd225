package fi.collabmaturity.scoring;

import java.util.List;

/** One dimension's scores over the waves, one point per wave in wave order. */
public record DimensionTrajectory(String dimension, List<TrajectoryPoint> points) {

    public DimensionTrajectory {
        points = List.copyOf(points);
    }
}
