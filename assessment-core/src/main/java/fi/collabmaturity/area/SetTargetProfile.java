package fi.collabmaturity.area;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the stage each dimension should reach: not every interface needs full collaboration. */
public record SetTargetProfile(String studyId, String areaId, Map<String, Integer> targetProfile) {

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
