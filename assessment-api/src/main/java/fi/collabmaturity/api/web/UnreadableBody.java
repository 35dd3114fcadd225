package fi.collabmaturity.api.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fi.collabmaturity.shared.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a JSON body that Jackson (configured by {@link StrictJson}) could not read, as the field it
 * concerns: {@code targetProfile.trust} for a fraction where a whole number belongs, the repeated key for a
 * duplicate, {@code body} for text that is not one JSON document. Jackson's own messages name Java types and are
 * not shown to clients.
 */
final class UnreadableBody {

    /** The field meant when the body as a whole is at fault. */
    static final String BODY = "body";

    private UnreadableBody() {
    }

    /** The field at fault and why; the field is {@code body} when no single field is. */
    static FieldError error(Throwable cause) {
        StreamReadException duplicate = duplicateKey(cause);
        if (duplicate != null) {
            return new FieldError(path(duplicate), "appears more than once");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldError(BODY, "must be a single JSON value with nothing after it");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Throwable reason = mapping.getCause() == null ? mapping : mapping.getCause();
            if (reason instanceof InputCoercionException) {
                return new FieldError(path(mapping), "is out of range");
            }
            if (reason instanceof StreamReadException unparsable) {
                return notJson(unparsable);
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new FieldError(path(mapping), expected(mismatch.getTargetType()));
            }
            return new FieldError(path(mapping), "has the wrong type or format");
        }
        if (cause instanceof StreamReadException unparsable) {
            return notJson(unparsable);
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(BODY, expected(mismatch.getTargetType()));
        }
        return new FieldError(BODY, "is not valid JSON of the expected shape");
    }

    private static FieldError notJson(StreamReadException e) {
        JsonLocation at = e.getLocation();
        return new FieldError(BODY, at == null || at.getLineNr() < 0 ? "is not valid JSON"
                : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /**
     * The parser's duplicate detection throws a plain parse exception (Jackson 2 has no subtype for it), either
     * directly or wrapped with the path of the enclosing property; its message is the one mark it carries.
     */
    private static StreamReadException duplicateKey(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                return read;
            }
        }
        return null;
    }

    /** The duplicated key with the keys above it, read from where the parser stopped. */
    private static String path(StreamReadException duplicate) {
        JsonParser parser = duplicate.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    parts.add(0, c.getCurrentName());
                } else if (c.inArray()) {
                    parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
                }
            }
            if (!parts.isEmpty()) {
                return String.join(".", parts).replace(".[", "[");
            }
        }
        String message = duplicate.getOriginalMessage();
        return message.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(),
                message.lastIndexOf('\'')));
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || type == Number.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type == LocalDate.class) {
            return "must be a date written as YYYY-MM-DD";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time written as ISO 8601";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (type.isEnum()) {
            return "must be one of the documented values";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type == Object.class) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }
}
