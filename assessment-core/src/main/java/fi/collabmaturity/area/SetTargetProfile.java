package fi.collabmaturity.area;

import fi.collabmaturity.shared.Normalization;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the stage each dimension should reach: not every interface needs full collaboration. The target applies
 * from {@code waveId} on (null: from the study's latest wave, or from the first wave while the study has none),
 * so a target set today does not rewrite the path of earlier waves. {@code rationale} says why this mix (free
 * text, optional). {@code expectedVersion}, when given (If-Match), must be the area's current version, or nothing
 * changes.
 */
public record SetTargetProfile(String studyId, String areaId, Map<String, Integer> targetProfile, String waveId,
                               String rationale, @TargetAggregateVersion Long expectedVersion) {

    public SetTargetProfile {
        rationale = Normalization.normalize(rationale);
    }

    public SetTargetProfile(String studyId, String areaId, Map<String, Integer> targetProfile,
                            Long expectedVersion) {
        this(studyId, areaId, targetProfile, null, null, expectedVersion);
    }

    public SetTargetProfile(String studyId, String areaId, Map<String, Integer> targetProfile) {
        this(studyId, areaId, targetProfile, null, null, null);
    }

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
