package fi.collabmaturity.area;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the stage each dimension should reach: not every interface needs full collaboration.
 * {@code expectedVersion}, when given (If-Match), must be the area's current version, or nothing changes.
 */
public record SetTargetProfile(String studyId, String areaId, Map<String, Integer> targetProfile,
        @TargetAggregateVersion Long expectedVersion) {

    public SetTargetProfile(String studyId, String areaId, Map<String, Integer> targetProfile) {
        this(studyId, areaId, targetProfile, null);
    }

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
