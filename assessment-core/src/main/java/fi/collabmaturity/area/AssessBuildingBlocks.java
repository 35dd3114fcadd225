package fi.collabmaturity.area;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the current state of the area's six building blocks. */
public record AssessBuildingBlocks(String studyId, String areaId, BuildingBlocks buildingBlocks) {

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
