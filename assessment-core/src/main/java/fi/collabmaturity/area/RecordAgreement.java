package fi.collabmaturity.area;

import java.util.List;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a strategic cooperation agreement or a sub-agreement and its status. */
public record RecordAgreement(String studyId, String areaId, String agreementId, String kind, String status, List<Party> parties, boolean regionalCouncilParty, LocalDate decidedOn) {

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
