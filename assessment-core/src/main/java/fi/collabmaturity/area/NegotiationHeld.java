package fi.collabmaturity.area;

import java.util.List;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A statutory negotiation was held. */
@Revision("1")
public record NegotiationHeld(String studyId, String areaId, String negotiationId, String kind, LocalDate heldOn, String model, List<Party> participants) {
}
