package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.StageRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An area's development over the waves: per dimension (in framework order) and for the overall score, one point
 * per wave (in the order given) with the score, the stage, the change from the previous wave and its direction
 * (see {@link Direction#of}; the overall score has no interval, so only the threshold decides it).
 */
public record Trajectory(List<String> waveIds, List<DimensionTrajectory> dimensions, List<TrajectoryPoint> overall) {

    public Trajectory {
        waveIds = List.copyOf(waveIds);
        dimensions = List.copyOf(dimensions);
        overall = List.copyOf(overall);
    }

    /**
     * The trajectory of the given waves, in that order.
     *
     * @param profiles each wave's profile; a wave without an entry (nothing recorded yet) has no scores
     */
    public static Trajectory of(Framework framework, ScoringPolicy policy, List<String> waveIds,
                                Map<String, MaturityProfile> profiles) {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(profiles, "profiles");
        if (new HashSet<>(waveIds).size() != waveIds.size()) {
            throw new IllegalArgumentException("a wave is listed twice: " + waveIds);
        }
        List<DimensionTrajectory> dimensions = new ArrayList<>();
        for (Dimension d : framework.dimensions()) {
            dimensions.add(new DimensionTrajectory(d.code(), points(policy, waveIds, profiles, profile ->
                    profile.dimension(d.code())
                            .map(s -> new Observed(s.score(), s.stage(), s.ciLow(), s.ciHigh()))
                            .orElse(Observed.NONE))));
        }
        List<TrajectoryPoint> overall = points(policy, waveIds, profiles, profile -> new Observed(
                profile.overallScore(),
                profile.overallStage() == null ? null : StageRange.of(profile.overallStage()), null, null));
        return new Trajectory(waveIds, dimensions, overall);
    }

    public Optional<DimensionTrajectory> dimension(String code) {
        return dimensions.stream().filter(d -> d.dimension().equals(code)).findFirst();
    }

    private static List<TrajectoryPoint> points(ScoringPolicy policy, List<String> waveIds,
                                                Map<String, MaturityProfile> profiles,
                                                Function<MaturityProfile, Observed> read) {
        List<TrajectoryPoint> points = new ArrayList<>();
        Observed previous = Observed.NONE;
        for (String waveId : waveIds) {
            MaturityProfile profile = profiles.get(waveId);
            Observed now = profile == null ? Observed.NONE : read.apply(profile);
            Double score = now.score();
            // the change of the reported scores, so that it and its direction follow from the numbers shown
            Double change = score != null && previous.score() != null
                    ? Numbers.reportedChange(score, previous.score()) : null;
            Direction.Decision decision = Direction.of(change, policy.changeThreshold(), previous.ciLow(),
                    previous.ciHigh(), now.ciLow(), now.ciHigh());
            points.add(new TrajectoryPoint(waveId, score, now.stage(), now.ciLow(), now.ciHigh(), change,
                    decision == null ? null : decision.direction(), decision == null ? null : decision.decidedBy()));
            previous = now;
        }
        return points;
    }

    private record Observed(Double score, StageRange stage, Double ciLow, Double ciHigh) {
        static final Observed NONE = new Observed(null, null, null, null);
    }
}
