package fi.collabmaturity.api.operations.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One event as one line of the backup file. The serialized payload and metadata are embedded verbatim: the stored
 * JSON text is written into the line as it is ({@code "payload":{...}}) and read back as the exact same characters,
 * so the restored store holds the same bytes. Stored bytes that are not a single line of UTF-8 JSON (another
 * serializer's output) travel as {@code payloadBase64} / {@code metaDataBase64} instead.
 *
 * <pre>
 * {"globalIndex":12,"eventIdentifier":"5b1e...","aggregateType":"SelfAssessment","aggregateIdentifier":"7f0c...",
 *  "sequenceNumber":0,"timestamp":"2025-03-04T09:15:02.118Z","payloadType":"fi.collabmaturity.selfassessment.
 *  SelfAssessmentSubmitted","payloadRevision":"1","payload":{"selfAssessmentId":"7f0c...",...},
 *  "metaData":{"traceId":"...","correlationId":"...","username":"rita"}}
 * </pre>
 * (one line in the file; {@code globalIndex} only from the JDBC store).
 */
final class EventLines {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventLines() {
    }

    static byte[] encode(StoredEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            if (event.globalIndex() != null) {
                json.writeNumberField("globalIndex", event.globalIndex());
            }
            json.writeStringField("eventIdentifier", event.eventIdentifier());
            json.writeStringField("aggregateType", event.aggregateType());
            json.writeStringField("aggregateIdentifier", event.aggregateIdentifier());
            json.writeNumberField("sequenceNumber", event.sequenceNumber());
            json.writeStringField("timestamp", event.timestamp());
            json.writeStringField("payloadType", event.payloadType());
            json.writeStringField("payloadRevision", event.payloadRevision());
            serialized(json, "payload", event.payload());
            serialized(json, "metaData", event.metaData());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void serialized(JsonGenerator json, String field, byte[] stored) throws IOException {
        if (stored == null) {
            json.writeNullField(field);
            return;
        }
        String text = verbatimJson(stored);
        if (text != null) {
            json.writeFieldName(field);
            json.writeRawValue(text);
        } else {
            json.writeStringField(field + "Base64", Base64.getEncoder().encodeToString(stored));
        }
    }

    /** The stored bytes as text if they can be embedded as they are, otherwise null. */
    static String verbatimJson(byte[] stored) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(stored)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.charAt(0) <= ' '
                || text.charAt(text.length() - 1) <= ' ') {
            return null;
        }
        try {
            STRICT.readTree(text);
        } catch (IOException e) {
            return null;
        }
        return text;
    }

    static StoredEvent decode(String line) {
        Long globalIndex = null;
        String eventIdentifier = null;
        String aggregateType = null;
        String aggregateIdentifier = null;
        Long sequenceNumber = null;
        String timestamp = null;
        String payloadType = null;
        String payloadRevision = null;
        byte[] payload = null;
        byte[] metaData = null;
        boolean payloadSeen = false;
        try (JsonParser json = FACTORY.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "globalIndex" -> globalIndex = value == JsonToken.VALUE_NULL ? null : number(json, field);
                    case "eventIdentifier" -> eventIdentifier = text(json);
                    case "aggregateType" -> aggregateType = text(json);
                    case "aggregateIdentifier" -> aggregateIdentifier = text(json);
                    case "sequenceNumber" -> sequenceNumber = number(json, field);
                    case "timestamp" -> timestamp = text(json);
                    case "payloadType" -> payloadType = text(json);
                    case "payloadRevision" -> payloadRevision = text(json);
                    case "payload" -> {
                        payload = raw(json, line);
                        payloadSeen = true;
                    }
                    case "metaData" -> metaData = raw(json, line);
                    case "payloadBase64" -> {
                        payload = Base64.getDecoder().decode(text(json));
                        payloadSeen = true;
                    }
                    case "metaDataBase64" -> metaData = Base64.getDecoder().decode(text(json));
                    default -> throw new IllegalArgumentException("unknown field " + field);
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        require(eventIdentifier, "eventIdentifier");
        require(aggregateIdentifier, "aggregateIdentifier");
        require(sequenceNumber, "sequenceNumber");
        require(timestamp, "timestamp");
        require(payloadType, "payloadType");
        if (!payloadSeen || payload == null) {
            throw new IllegalArgumentException("no payload");
        }
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("a negative sequenceNumber");
        }
        try {
            DateTimeUtils.parseInstant(timestamp);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is not an instant");
        }
        return new StoredEvent(globalIndex, eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber,
                timestamp, payloadType, payloadRevision, payload, metaData);
    }

    /** The exact characters of the current value in the line. */
    private static byte[] raw(JsonParser json, String line) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        int start = (int) json.currentTokenLocation().getCharOffset();
        if (json.currentToken().isStructStart()) {
            json.skipChildren();
        } else {
            json.getText(); // a lazily parsed scalar is read to its end
        }
        int end = (int) json.currentLocation().getCharOffset();
        return line.substring(start, end).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(json.currentName() + " is not a string");
        }
        return json.getText();
    }

    private static long number(JsonParser json, String field) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return json.getLongValue();
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
    }
}
