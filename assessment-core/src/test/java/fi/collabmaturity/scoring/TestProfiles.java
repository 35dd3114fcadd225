package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.StageRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Profiles built by hand from dimension scores, so that trajectory, milestone and path tests state exactly the
 * scores they are about (stages by the dimension's bands, as {@link ProfileScoring} reports them).
 */
final class TestProfiles {

    private TestProfiles() {
    }

    /** A profile with the given dimension scores (missing = insufficient evidence) and overall score. */
    static MaturityProfile profile(Framework framework, Map<String, Double> scores, Double overall) {
        List<DimensionScore> dimensions = new ArrayList<>();
        for (Dimension d : framework.dimensions()) {
            Double score = scores.get(d.code());
            StageRange stage = score == null ? null : framework.stageOf(d.code(), Numbers.reported(score));
            dimensions.add(new DimensionScore(d.code(), score, stage, score != null, Map.of(), null, false, null,
                    null));
        }
        Integer overallStage = overall == null ? null : framework.stageOf(Numbers.reported(overall));
        return new MaturityProfile(framework.ref(), overall, overallStage, null, dimensions);
    }

    static MaturityProfile profile(Framework framework, Map<String, Double> scores) {
        return profile(framework, scores, null);
    }
}
