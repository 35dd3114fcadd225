package fi.collabmaturity.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.collabmaturity.scoring.ScoringPolicy;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a revision-1 {@link ScoringPolicySet} as revision 2. Revision 1 had no change threshold because every
 * study used the product's default; without this the missing number would be read as 0.0, and every non-zero
 * change of those studies would count as a change.
 */
public final class ScoringPolicySetUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ScoringPolicySet.class.getName();
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            upcast.put("changeThreshold", ScoringPolicy.DEFAULT_CHANGE_THRESHOLD);
            return upcast;
        });
    }
}
