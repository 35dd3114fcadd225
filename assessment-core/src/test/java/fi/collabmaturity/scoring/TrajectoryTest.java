package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.StageRange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.collabmaturity.scoring.TestProfiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryTest {

    private static final FrameworkCatalog CATALOG = FrameworkCatalog.fromClasspath();
    private static final Framework KM = CATALOG.get("keast-mandell-2014", "1.0.0");
    private static final Framework KM_1_1 = CATALOG.get("keast-mandell-2014", "1.1.0");
    /** No threshold: every non-zero change is up or down, so the tests below see the change's own sign. */
    private static final ScoringPolicy ANY_CHANGE = new ScoringPolicy(3, Map.of(), 0.75, 0.0);

    private static List<TrajectoryPoint> trust(Trajectory t) {
        return t.dimension("trust").orElseThrow().points();
    }

    private static TrajectoryPoint point(String wave, Double score, Integer stage, Double change, Direction direction,
                                         Direction.Test test) {
        return new TrajectoryPoint(wave, score, stage == null ? null : StageRange.of(stage), null, null, change,
                direction, test);
    }

    @Test
    void scoresStagesChangesAndDirectionsPerWave() {
        Map<String, MaturityProfile> profiles = Map.of(
                "2023", profile(KM, Map.of("trust", 1.4)),
                "2024", profile(KM, Map.of("trust", 1.6)),
                "2025", profile(KM, Map.of("trust", 1.6)),
                "2026", profile(KM, Map.of("trust", 1.25)));
        Trajectory t = Trajectory.of(KM, ANY_CHANGE, List.of("2023", "2024", "2025", "2026"), profiles);
        List<TrajectoryPoint> trust = trust(t);

        assertThat(trust.get(0)).isEqualTo(point("2023", 1.4, 1, null, null, null));
        // the change of the reported scores, exact in decimals: 0.2, not 1.6 - 1.4 = 0.20000000000000018
        assertThat(trust.get(1)).isEqualTo(point("2024", 1.6, 2, 0.2, Direction.UP, Direction.Test.THRESHOLD));
        assertThat(trust.get(2)).isEqualTo(point("2025", 1.6, 2, 0.0, Direction.FLAT, Direction.Test.THRESHOLD));
        assertThat(trust.get(3)).isEqualTo(point("2026", 1.25, 1, -0.35, Direction.DOWN,
                Direction.Test.THRESHOLD));
        assertThat(Direction.DOWN.code()).isEqualTo("down");
    }

    @Test
    void aChangeBelowTheThresholdIsFlat() {
        // default threshold 0.25: 1.4 -> 1.6 (0.2) is flat; 1.6 -> 1.85 (0.25, on paper exactly the threshold)
        // counts; 1.85 -> 1.6 is down
        Trajectory t = Trajectory.of(KM, ScoringPolicy.DEFAULT, List.of("w1", "w2", "w3", "w4"), Map.of(
                "w1", profile(KM, Map.of("trust", 1.4)),
                "w2", profile(KM, Map.of("trust", 1.6)),
                "w3", profile(KM, Map.of("trust", 1.85)),
                "w4", profile(KM, Map.of("trust", 1.6))));
        assertThat(trust(t)).extracting(TrajectoryPoint::direction)
                .containsExactly(null, Direction.FLAT, Direction.UP, Direction.DOWN);
        assertThat(trust(t)).extracting(TrajectoryPoint::decidedBy)
                .containsExactly(null, Direction.Test.THRESHOLD, Direction.Test.THRESHOLD, Direction.Test.THRESHOLD);
    }

    @Test
    void aChangeWithinTheOverlapOfTheIntervalsIsFlat() {
        Framework f = KM_1_1;
        // w1: 2.0 [1.6, 2.4]; w2: 2.5 [2.3, 2.7] overlaps: flat by the intervals although 0.5 >= 0.25;
        // w3: 3.0 [2.8, 3.0] lies above w2's: up, by the intervals
        Map<String, MaturityProfile> profiles = Map.of(
                "w1", withInterval(f, "trust", 2.0, 1.6, 2.4),
                "w2", withInterval(f, "trust", 2.5, 2.3, 2.7),
                "w3", withInterval(f, "trust", 3.0, 2.8, 3.0));
        List<TrajectoryPoint> trust = trust(Trajectory.of(f, ScoringPolicy.DEFAULT, List.of("w1", "w2", "w3"),
                profiles));
        assertThat(trust).extracting(TrajectoryPoint::direction).containsExactly(null, Direction.FLAT, Direction.UP);
        assertThat(trust).extracting(TrajectoryPoint::decidedBy)
                .containsExactly(null, Direction.Test.INTERVALS, Direction.Test.INTERVALS);
        assertThat(trust.get(1).ciLow()).isEqualTo(2.3);
        assertThat(trust.get(1).ciHigh()).isEqualTo(2.7);
    }

    @Test
    void intervalsThatTouchOverlap() {
        // [1.6, 2.0] and [2.0, 2.4]: one point in common is an overlap (flat)
        Map<String, MaturityProfile> profiles = Map.of(
                "w1", withInterval(KM_1_1, "trust", 1.8, 1.6, 2.0),
                "w2", withInterval(KM_1_1, "trust", 2.2, 2.0, 2.4));
        TrajectoryPoint second = trust(Trajectory.of(KM_1_1, ScoringPolicy.DEFAULT, List.of("w1", "w2"), profiles))
                .get(1);
        assertThat(second.direction()).isEqualTo(Direction.FLAT);
        assertThat(second.decidedBy()).isEqualTo(Direction.Test.INTERVALS);
    }

    private static MaturityProfile withInterval(Framework f, String dimension, double score, double low, double high) {
        List<DimensionScore> dimensions = f.dimensions().stream().map(d -> d.code().equals(dimension)
                ? new DimensionScore(d.code(), score, f.stageOf(d.code(), score), true, Map.of(), null, false, low,
                        high)
                : new DimensionScore(d.code(), null, null, false, Map.of(), null, false, null, null)).toList();
        return new MaturityProfile(f.ref(), null, null, dimension, dimensions);
    }

    @Test
    void everyDimensionInFrameworkOrderAndEveryWaveInTheGivenOrder() {
        Trajectory t = Trajectory.of(KM, ScoringPolicy.DEFAULT, List.of("spring", "autumn"), Map.of());
        assertThat(t.waveIds()).containsExactly("spring", "autumn");
        assertThat(t.dimensions()).extracting(DimensionTrajectory::dimension).containsExactly("trust",
                "communication", "information_sharing", "goals", "power", "resources", "accountability",
                "commitment");
        assertThat(t.dimensions()).allSatisfy(d -> assertThat(d.points())
                .extracting(TrajectoryPoint::waveId).containsExactly("spring", "autumn"));
        assertThat(t.overall()).extracting(TrajectoryPoint::waveId).containsExactly("spring", "autumn");
    }

    @Test
    void theChangeIsThatOfTheReportedScores() {
        // 2.0006 -> 2.2504 are reported as 2.001 and 2.250: the change is 0.249, below 0.25, flat, as anyone
        // holding the two reported scores finds (the unrounded 0.2498 would round to 0.250 and count)
        Trajectory t = Trajectory.of(KM, ScoringPolicy.DEFAULT, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("trust", 2.0006)),
                "w2", profile(KM, Map.of("trust", 2.2504))));
        TrajectoryPoint second = trust(t).get(1);
        assertThat(second.change()).isEqualTo(0.249);
        assertThat(second.direction()).isEqualTo(Direction.FLAT);
        assertThat(second.decidedBy()).isEqualTo(Direction.Test.THRESHOLD);
    }

    @Test
    void aChangeThatIsZeroOnPaperIsFlat() {
        // 2.1 + 0.2 = 2.3000000000000003 in doubles; 2.3 the next wave: on paper no change (-4.4e-16)
        Trajectory t = Trajectory.of(KM, ANY_CHANGE, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("trust", 2.1 + 0.2)),
                "w2", profile(KM, Map.of("trust", 2.3))));
        TrajectoryPoint second = trust(t).get(1);
        assertThat(second.change()).isZero();
        assertThat(second.direction()).isEqualTo(Direction.FLAT);
    }

    @Test
    void aMissingScoreOnEitherSideHasNoChange() {
        Map<String, MaturityProfile> profiles = new HashMap<>();
        profiles.put("w1", profile(KM, Map.of("trust", 2.0)));
        profiles.put("w2", profile(KM, Map.of()));                 // trust insufficient
        profiles.put("w3", profile(KM, Map.of("trust", 2.5)));
        // w4 has no profile at all
        profiles.put("w5", profile(KM, Map.of("trust", 3.0)));
        profiles.put("w6", profile(KM, Map.of("trust", 2.0)));
        List<TrajectoryPoint> trust = trust(Trajectory.of(KM, ScoringPolicy.DEFAULT,
                List.of("w1", "w2", "w3", "w4", "w5", "w6"), profiles));

        assertThat(trust.get(1)).isEqualTo(point("w2", null, null, null, null, null));
        // w3 follows an insufficient wave: the change is from the previous wave, not from the last scored one
        assertThat(trust.get(2)).isEqualTo(point("w3", 2.5, 3, null, null, null));
        assertThat(trust.get(3)).isEqualTo(point("w4", null, null, null, null, null));
        assertThat(trust.get(4)).isEqualTo(point("w5", 3.0, 3, null, null, null));
        assertThat(trust.get(5)).isEqualTo(point("w6", 2.0, 2, -1.0, Direction.DOWN, Direction.Test.THRESHOLD));
    }

    @Test
    void powerOnAnchorsIsOneRangeUntilItReachesSharedPower() {
        // 1.1.0: power 2.0 and 2.4 are both "own power" (cooperation or coordination); 2.6 is shared power
        Trajectory t = Trajectory.of(KM_1_1, ScoringPolicy.DEFAULT, List.of("w1", "w2", "w3"), Map.of(
                "w1", profile(KM_1_1, Map.of("power", 2.0)),
                "w2", profile(KM_1_1, Map.of("power", 2.4)),
                "w3", profile(KM_1_1, Map.of("power", 2.6))));
        List<TrajectoryPoint> power = t.dimension("power").orElseThrow().points();
        assertThat(power).extracting(TrajectoryPoint::stage)
                .containsExactly(new StageRange(1, 2), new StageRange(1, 2), StageRange.of(3));
        assertThat(Milestones.of(t)).containsExactly(
                new Milestone("w3", "power", new StageRange(1, 2), StageRange.of(3)));
    }

    @Test
    void version100LiftsPowerToItsAnchorsRepresentative() {
        // 1.0.0 as it was: power 1.2 is coordination (stage 2), like 1.8: the score moves, the stage does not
        Trajectory t = Trajectory.of(KM, ANY_CHANGE, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("power", 1.2)),
                "w2", profile(KM, Map.of("power", 1.8))));
        List<TrajectoryPoint> power = t.dimension("power").orElseThrow().points();
        assertThat(power).extracting(TrajectoryPoint::stage).containsExactly(StageRange.of(2), StageRange.of(2));
        assertThat(power.get(1).change()).isEqualTo(0.6);
        assertThat(power.get(1).direction()).isEqualTo(Direction.UP);
    }

    @Test
    void theOverallScoreHasNoIntervalSoTheThresholdDecides() {
        Trajectory t = Trajectory.of(KM, ScoringPolicy.DEFAULT, List.of("w1", "w2", "w3", "w4", "w5"), Map.of(
                "w1", profile(KM, Map.of(), 1.75),
                "w2", profile(KM, Map.of(), 2.5),
                "w3", profile(KM, Map.of(), null),
                "w4", profile(KM, Map.of(), 2.25),
                "w5", profile(KM, Map.of(), 2.4)));
        assertThat(t.overall()).containsExactly(
                point("w1", 1.75, 2, null, null, null),
                point("w2", 2.5, 3, 0.75, Direction.UP, Direction.Test.THRESHOLD),
                point("w3", null, null, null, null, null),
                point("w4", 2.25, 2, null, null, null),
                point("w5", 2.4, 2, 0.15, Direction.FLAT, Direction.Test.THRESHOLD));
    }

    @Test
    void aWaveListedTwiceIsRefused() {
        assertThatThrownBy(() -> Trajectory.of(KM, ScoringPolicy.DEFAULT, List.of("w1", "w1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
