package fi.collabmaturity.area;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records the current state of the area's six building blocks.
 * {@code expectedVersion}, when given (If-Match), must be the area's current version, or nothing changes.
 */
public record AssessBuildingBlocks(String studyId, String areaId, BuildingBlocks buildingBlocks,
        @TargetAggregateVersion Long expectedVersion) {

    public AssessBuildingBlocks(String studyId, String areaId, BuildingBlocks buildingBlocks) {
        this(studyId, areaId, buildingBlocks, null);
    }

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
