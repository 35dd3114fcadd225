package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.CodeCount;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.Overall;
import fi.collabmaturity.projection.maturity.ResultParts.ProfileDimension;
import fi.collabmaturity.projection.maturity.ResultParts.RawScores;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;
import java.util.Map;

/**
 * The profile of an area in a wave as {@code maturity_profiles} keeps it ({@code _id} studyId/areaId/waveId): the
 * answer's parts, the unrounded scores the trajectory and paths are computed from, and the theme codes of the
 * findings per dimension (most frequent first). Every registered area has one in every wave of its study, of
 * insufficient evidence where it has none.
 */
public record StoredProfile(@BsonId String id, String studyId, String areaId, String waveId, FrameworkRef framework,
                            Overall overall, String weakestDimension, List<ProfileDimension> dimensions,
                            RawScores raw, Map<String, List<CodeCount>> relatedCodes) {
}
