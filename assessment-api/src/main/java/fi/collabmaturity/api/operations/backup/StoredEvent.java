package fi.collabmaturity.api.operations.backup;

import java.util.Arrays;
import java.util.Objects;

/**
 * One domain event exactly as an event store holds it: the serialized payload and metadata are the stored bytes
 * (the Jackson serializer's JSON text), never re-serialized. {@code globalIndex} is the event log's position; it is
 * null in backups of the old MongoDB event log, which had none.
 */
public record StoredEvent(Long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    public StoredEvent {
        payload = payload == null ? null : payload.clone();
        metaData = metaData == null ? null : metaData.clone();
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    @Override
    public byte[] metaData() {
        return metaData == null ? null : metaData.clone();
    }

    /** The same event with another (or no) global index: what a store with other positions holds of it. */
    public StoredEvent withGlobalIndex(Long index) {
        return new StoredEvent(index, eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber, timestamp,
                payloadType, payloadRevision, payload, metaData);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent e && Objects.equals(globalIndex, e.globalIndex)
                && eventIdentifier.equals(e.eventIdentifier) && Objects.equals(aggregateType, e.aggregateType)
                && aggregateIdentifier.equals(e.aggregateIdentifier) && sequenceNumber == e.sequenceNumber
                && timestamp.equals(e.timestamp) && payloadType.equals(e.payloadType)
                && Objects.equals(payloadRevision, e.payloadRevision) && Arrays.equals(payload, e.payload)
                && Arrays.equals(metaData, e.metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, timestamp);
    }

    @Override
    public String toString() {
        return "StoredEvent[" + globalIndex + " " + eventIdentifier + " " + aggregateType + "/" + aggregateIdentifier
                + "#" + sequenceNumber + " " + payloadType + " " + timestamp + "]";
    }
}
