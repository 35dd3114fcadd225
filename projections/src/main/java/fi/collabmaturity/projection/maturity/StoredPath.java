package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.AboveTargetEntry;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.MilestoneEntry;
import fi.collabmaturity.projection.maturity.ResultParts.PathTarget;
import fi.collabmaturity.projection.maturity.ResultParts.TargetProfileEntry;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/**
 * An area's maturity path in one language as {@code maturity_paths} keeps it: at a named wave ({@code requested}),
 * or at the latest wave with evidence ({@code requested} null, {@code _id} studyId/areaId//language); {@code waveId}
 * is the wave the path is at (null when no wave has evidence).
 */
public record StoredPath(@BsonId String id, String studyId, String areaId, String requested, String language,
                         String waveId, FrameworkRef framework, TargetProfileEntry targetProfile,
                         List<PathTarget> targets, List<AboveTargetEntry> aboveTarget, List<String> unknown,
                         List<MilestoneEntry> milestones) {

    static String id(String studyId, String areaId, String waveId, String language) {
        return studyId + "/" + areaId + "/" + (waveId == null ? "" : waveId) + "/" + language;
    }
}
