package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.DimensionCell;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.Overall;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.Map;

/**
 * An area's row of a wave's overview as {@code maturity_overviews} keeps it ({@code _id} studyId/areaId/waveId),
 * with the area's name, region and interface theme, so that the overview of a wave is one indexed query
 * (studyId, waveId) and its filters are part of it.
 */
public record StoredOverviewCell(@BsonId String id, String studyId, String areaId, String waveId,
                                 FrameworkRef framework, String name, String regionCode, String interfaceTheme,
                                 Overall overall, String weakestDimension, Map<String, DimensionCell> dimensions) {
}
