package fi.collabmaturity.area;

import java.util.List;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An agreement of the area was recorded with its status. */
@Revision("1")
public record AgreementRecorded(String studyId, String areaId, String agreementId, String kind, String status, List<Party> parties, boolean regionalCouncilParty, LocalDate decidedOn) {
}
