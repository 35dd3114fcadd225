package fi.collabmaturity.area;

import java.util.List;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a statutory negotiation: s.14 (once per council term) or HYTE (annual). */
public record RecordNegotiation(String studyId, String areaId, String negotiationId, String kind, LocalDate heldOn, String model, List<Party> participants) {

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
