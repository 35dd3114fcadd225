package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.AboveTargetEntry;
import fi.collabmaturity.projection.maturity.ResultParts.AsOf;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.MilestoneEntry;
import fi.collabmaturity.projection.maturity.ResultParts.PathTarget;
import fi.collabmaturity.projection.maturity.ResultParts.TargetProfileEntry;

import java.util.List;

/**
 * The maturity path of an area, as the API answers it: the development targets against the target profile, each
 * with its step in the language and the theme codes behind it, and the milestones of how the area got there.
 */
public record PathResult(String areaId, String waveId, String language, AsOf asOf, FrameworkRef framework,
                         TargetProfileEntry targetProfile, List<PathTarget> targets,
                         List<AboveTargetEntry> aboveTarget, List<String> unknown,
                         List<MilestoneEntry> milestones) {

    static PathResult of(StoredPath p, AsOf asOf) {
        return new PathResult(p.areaId(), p.waveId(), p.language(), asOf, p.framework(), p.targetProfile(),
                p.targets(), p.aboveTarget(), p.unknown(), p.milestones());
    }

    /** The path without the theme codes behind its targets (for those who see aggregates only). */
    public PathResult withoutCodes() {
        return new PathResult(areaId, waveId, language, asOf, framework, targetProfile,
                targets.stream().map(PathTarget::withoutCodes).toList(), aboveTarget, unknown, milestones);
    }
}
