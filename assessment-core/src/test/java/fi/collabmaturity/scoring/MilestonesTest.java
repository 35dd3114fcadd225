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

class MilestonesTest {

    private static final Framework KM = FrameworkCatalog.fromClasspath().get("keast-mandell-2014", "1.0.0");

    @Test
    void aDimensionEnteringAnotherStage() {
        List<Milestone> milestones = Milestones.of(KM, List.of("w1", "w2", "w3"), Map.of(
                "w1", profile(KM, Map.of("trust", 1.4)),
                "w2", profile(KM, Map.of("trust", 1.5)),    // 1 -> 2 (1.5 is the edge: coordination)
                "w3", profile(KM, Map.of("trust", 2.4))));  // still 2: no milestone
        assertThat(milestones).containsExactly(new Milestone("w2", "trust", StageRange.of(1), StageRange.of(2)));
    }

    @Test
    void movingDownIsAMilestoneToo() {
        List<Milestone> milestones = Milestones.of(KM, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("goals", 2.5)),
                "w2", profile(KM, Map.of("goals", 2.49))));
        assertThat(milestones).containsExactly(new Milestone("w2", "goals", StageRange.of(3), StageRange.of(2)));
    }

    @Test
    void wavesWithoutAStageAreSkipped() {
        Map<String, MaturityProfile> profiles = new HashMap<>();
        profiles.put("w1", profile(KM, Map.of("trust", 1.0, "goals", 2.0)));
        profiles.put("w2", profile(KM, Map.of()));                 // both insufficient
        // w3: no profile at all
        profiles.put("w4", profile(KM, Map.of("trust", 2.0, "goals", 2.0)));
        List<Milestone> milestones = Milestones.of(KM, List.of("w1", "w2", "w3", "w4"), profiles);
        // trust 1, -, -, 2: one milestone in w4 from the last stage it had; goals 2, -, -, 2: none
        assertThat(milestones).containsExactly(new Milestone("w4", "trust", StageRange.of(1), StageRange.of(2)));
    }

    @Test
    void theFirstStageIsNotAMilestone() {
        List<Milestone> milestones = Milestones.of(KM, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of()),
                "w2", profile(KM, Map.of("trust", 3.0))));
        assertThat(milestones).isEmpty();
    }

    @Test
    void inWaveOrderThenFrameworkOrder() {
        List<Milestone> milestones = Milestones.of(KM, List.of("w1", "w2", "w3"), Map.of(
                "w1", profile(KM, Map.of("trust", 1.0, "communication", 1.0, "commitment", 1.0)),
                "w2", profile(KM, Map.of("trust", 2.0, "communication", 1.0, "commitment", 3.0)),
                "w3", profile(KM, Map.of("trust", 2.0, "communication", 2.0, "commitment", 2.0))));
        assertThat(milestones).containsExactly(
                new Milestone("w2", "trust", StageRange.of(1), StageRange.of(2)),
                new Milestone("w2", "commitment", StageRange.of(1), StageRange.of(3)),
                new Milestone("w3", "communication", StageRange.of(1), StageRange.of(2)),
                new Milestone("w3", "commitment", StageRange.of(3), StageRange.of(2)));
    }

    @Test
    void powerMovingWithinItsSharedAnchorIsNoMilestone() {
        // 1.2 and 1.8 are both coordination once lifted to the anchor: the instrument saw no stage change
        List<Milestone> milestones = Milestones.of(KM, List.of("w1", "w2", "w3"), Map.of(
                "w1", profile(KM, Map.of("power", 1.2)),
                "w2", profile(KM, Map.of("power", 1.8)),
                "w3", profile(KM, Map.of("power", 2.6))));
        assertThat(milestones).containsExactly(new Milestone("w3", "power", StageRange.of(2), StageRange.of(3)));
    }

    @Test
    void fromATrajectory() {
        Trajectory t = Trajectory.of(KM, ScoringPolicy.DEFAULT, List.of("w1", "w2"), Map.of(
                "w1", profile(KM, Map.of("resources", 1.0)),
                "w2", profile(KM, Map.of("resources", 2.0))));
        assertThat(Milestones.of(t)).containsExactly(new Milestone("w2", "resources", StageRange.of(1), StageRange.of(2)));
    }
}
