package fi.collabmaturity.api.web;

import fi.collabmaturity.shared.Validation;

/** ETags are versions: {@code "3"}; If-Match accepts that form, a weak {@code W/"3"} or a bare number. */
public final class ETags {

    private ETags() {
    }

    public static String of(Object version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null without the header. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            new Validation().add("If-Match", "must be the ETag of the resource, e.g. \"3\"").throwIfInvalid();
            return null;
        }
    }
}
