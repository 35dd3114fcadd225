package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.DimensionPoints;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.MilestoneEntry;
import fi.collabmaturity.projection.maturity.ResultParts.Point;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/** An area's trajectory over the study's waves in time order, as {@code maturity_trajectories} keeps it. */
public record StoredTrajectory(@BsonId String id, String studyId, String areaId, FrameworkRef framework,
                               List<String> waves, List<Point> overall, List<DimensionPoints> dimensions,
                               List<MilestoneEntry> milestones) {
}
