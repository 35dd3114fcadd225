package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.StageRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a dimension moved into another stage. Each wave's stage is compared with the stage of the last earlier wave
 * in which the dimension had one: a wave with insufficient evidence says nothing, so it neither ends nor starts a
 * stage (1, -, 2 is one milestone 1 -> 2 in the third wave; 2, -, 2 is none).
 */
public final class Milestones {

    private Milestones() {
    }

    /** The milestones of the given waves (in that order) and their profiles; see {@link Trajectory#of}. */
    public static List<Milestone> of(Framework framework, List<String> waveIds,
                                     Map<String, MaturityProfile> profiles) {
        // stages do not depend on the policy's change threshold, so any policy gives the same milestones
        return of(Trajectory.of(framework, ScoringPolicy.DEFAULT, waveIds, profiles));
    }

    /** The milestones in wave order, and within a wave in framework order. */
    public static List<Milestone> of(Trajectory trajectory) {
        int waves = trajectory.waveIds().size();
        List<DimensionTrajectory> dimensions = trajectory.dimensions();
        StageRange[] lastStage = new StageRange[dimensions.size()];
        List<Milestone> milestones = new ArrayList<>();
        for (int w = 0; w < waves; w++) {
            for (int d = 0; d < dimensions.size(); d++) {
                TrajectoryPoint point = dimensions.get(d).points().get(w);
                if (point.stage() == null) {
                    continue;
                }
                if (lastStage[d] != null && !lastStage[d].equals(point.stage())) {
                    milestones.add(new Milestone(point.waveId(), dimensions.get(d).dimension(), lastStage[d],
                            point.stage()));
                }
                lastStage[d] = point.stage();
            }
        }
        return List.copyOf(milestones);
    }
}
