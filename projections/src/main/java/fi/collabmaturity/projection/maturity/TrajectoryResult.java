package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.AsOf;
import fi.collabmaturity.projection.maturity.ResultParts.DimensionPoints;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.MilestoneEntry;
import fi.collabmaturity.projection.maturity.ResultParts.Point;

import java.util.List;

/** Scores by wave per dimension and overall, with the change from the previous wave, as the API answers them. */
public record TrajectoryResult(String areaId, AsOf asOf, FrameworkRef framework, List<String> waves,
                               List<Point> overall, List<DimensionPoints> dimensions,
                               List<MilestoneEntry> milestones) {

    static TrajectoryResult of(StoredTrajectory t, AsOf asOf) {
        return new TrajectoryResult(t.areaId(), asOf, t.framework(), t.waves(), t.overall(), t.dimensions(),
                t.milestones());
    }

    /** The points of one dimension (none for a dimension the framework does not have). */
    public List<Point> points(String dimension) {
        return dimensions.stream().filter(d -> d.dimension().equals(dimension)).findFirst()
                .map(DimensionPoints::points).orElse(List.of());
    }
}
