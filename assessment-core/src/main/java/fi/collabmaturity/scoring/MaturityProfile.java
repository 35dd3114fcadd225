package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.FrameworkRef;

import java.util.List;
import java.util.Optional;

/**
 * An area's maturity in one wave: the eight dimension results in framework order, the overall score and stage
 * (null when fewer than half of the dimensions have a score) and the weakest dimension.
 */
public record MaturityProfile(FrameworkRef framework, Double overallScore, Integer overallStage,
                              String weakestDimension, List<DimensionScore> dimensions) {

    public MaturityProfile {
        dimensions = List.copyOf(dimensions);
    }

    public Optional<DimensionScore> dimension(String code) {
        return dimensions.stream().filter(d -> d.dimension().equals(code)).findFirst();
    }
}
