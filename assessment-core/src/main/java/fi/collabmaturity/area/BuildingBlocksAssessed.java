package fi.collabmaturity.area;

import org.axonframework.serialization.Revision;

/** The state of the area's building blocks was assessed. */
@Revision("1")
public record BuildingBlocksAssessed(String studyId, String areaId, BuildingBlocks buildingBlocks) {
}
