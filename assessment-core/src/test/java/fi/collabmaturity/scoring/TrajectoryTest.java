package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.collabmaturity.scoring.TestProfiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryTest {

    private static final Framework KM = FrameworkCatalog.fromClasspath().get("keast-mandell-2014");

    private static List<TrajectoryPoint> trust(Trajectory t) {
        return t.dimension("trust").orElseThrow().points();
    }

    @Test
    void scoresStagesChangesAndDirectionsPerWave() {
        Map<String, MaturityProfile> profiles = Map.of(
                "2023", profile(KM, Map.of("trust", 1.4)),
                "2024", profile(KM, Map.of("trust", 1.6)),
                "2025", profile(KM, Map.of("trust", 1.6)),
                "2026", profile(KM, Map.of("trust", 1.25)));
        Trajectory t = Trajectory.of(KM, List.of("2023", "2024", "2025", "2026"), profiles);
        List<TrajectoryPoint> trust = trust(t);

        assertThat(trust.get(0)).isEqualTo(new TrajectoryPoint("2023", 1.4, 1, null, null));
        // 1.6 - 1.4 = 0.20000000000000018 in doubles: reported unrounded, the API rounds
        assertThat(trust.get(1)).isEqualTo(new TrajectoryPoint("2024", 1.6, 2, 1.6 - 1.4, Direction.UP));
        assertThat(Numbers.round3(trust.get(1).change())).isEqualTo(0.2);
        assertThat(trust.get(2)).isEqualTo(new TrajectoryPoint("2025", 1.6, 2, 0.0, Direction.FLAT));
        assertThat(trust.get(3)).isEqualTo(new TrajectoryPoint("2026", 1.25, 1, 1.25 - 1.6, Direction.DOWN));
        assertThat(Direction.DOWN.code()).isEqualTo("down");
    }

    @Test
    void everyDimensionInFrameworkOrderAndEveryWaveInTheGivenOrder() {
        Trajectory t = Trajectory.of(KM, List.of("spring", "autumn"), Map.of());
        assertThat(t.waveIds()).containsExactly("spring", "autumn");
        assertThat(t.dimensions()).extracting(DimensionTrajectory::dimension).containsExactly("trust",
                "communication", "information_sharing", "goals", "power", "resources", "accountability",
                "commitment");
        assertThat(t.dimensions()).allSatisfy(d -> assertThat(d.points())
                .extracting(TrajectoryPoint::waveId).containsExactly("spring", "autumn"));
        assertThat(t.overall()).extracting(TrajectoryPoint::waveId).containsExactly("spring", "autumn");
    }

    @Test
    void theChangeIsFromUnroundedScores() {
        // 2.0004 -> 2.0006: reported as 2.000 and 2.001, but the change is 0.0002 (round3: 0.000), not 0.001
        Trajectory t = Trajectory.of(KM, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("trust", 2.0004)),
                "w2", profile(KM, Map.of("trust", 2.0006))));
        TrajectoryPoint second = trust(t).get(1);
        assertThat(second.change()).isEqualTo(2.0006 - 2.0004);
        assertThat(Numbers.round3(second.change())).isEqualTo(0.0);
        assertThat(Numbers.round3(2.0006) - Numbers.round3(2.0004)).isGreaterThan(0.0009);
        assertThat(second.direction()).isEqualTo(Direction.UP);
    }

    @Test
    void aChangeThatIsZeroOnPaperIsFlat() {
        // 2.1 + 0.2 = 2.3000000000000003 in doubles; 2.3 the next wave: on paper no change (-4.4e-16)
        Trajectory t = Trajectory.of(KM, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("trust", 2.1 + 0.2)),
                "w2", profile(KM, Map.of("trust", 2.3))));
        TrajectoryPoint second = trust(t).get(1);
        assertThat(second.change()).isNotZero().isNegative();
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
        List<TrajectoryPoint> trust = trust(Trajectory.of(KM, List.of("w1", "w2", "w3", "w4", "w5", "w6"), profiles));

        assertThat(trust.get(1)).isEqualTo(new TrajectoryPoint("w2", null, null, null, null));
        // w3 follows an insufficient wave: the change is from the previous wave, not from the last scored one
        assertThat(trust.get(2)).isEqualTo(new TrajectoryPoint("w3", 2.5, 3, null, null));
        assertThat(trust.get(3)).isEqualTo(new TrajectoryPoint("w4", null, null, null, null));
        assertThat(trust.get(4)).isEqualTo(new TrajectoryPoint("w5", 3.0, 3, null, null));
        assertThat(trust.get(5)).isEqualTo(new TrajectoryPoint("w6", 2.0, 2, -1.0, Direction.DOWN));
    }

    @Test
    void stagesAreTheProfilesAnchorLiftedOnes() {
        // power 1.2 is coordination (stage 2), like 1.8: the score moves, the stage does not
        Trajectory t = Trajectory.of(KM, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("power", 1.2)),
                "w2", profile(KM, Map.of("power", 1.8))));
        List<TrajectoryPoint> power = t.dimension("power").orElseThrow().points();
        assertThat(power).extracting(TrajectoryPoint::stage).containsExactly(2, 2);
        assertThat(power.get(1).change()).isEqualTo(1.8 - 1.2);
        assertThat(power.get(1).direction()).isEqualTo(Direction.UP);
    }

    @Test
    void theOverallScoreLikewise() {
        Trajectory t = Trajectory.of(KM, List.of("w1", "w2", "w3", "w4"), Map.of(
                "w1", profile(KM, Map.of(), 1.75),
                "w2", profile(KM, Map.of(), 2.5),
                "w3", profile(KM, Map.of(), null),
                "w4", profile(KM, Map.of(), 2.25)));
        assertThat(t.overall()).containsExactly(
                new TrajectoryPoint("w1", 1.75, 2, null, null),
                new TrajectoryPoint("w2", 2.5, 3, 0.75, Direction.UP),
                new TrajectoryPoint("w3", null, null, null, null),
                new TrajectoryPoint("w4", 2.25, 2, null, null));
    }

    @Test
    void aWaveListedTwiceIsRefused() {
        assertThatThrownBy(() -> Trajectory.of(KM, List.of("w1", "w1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
