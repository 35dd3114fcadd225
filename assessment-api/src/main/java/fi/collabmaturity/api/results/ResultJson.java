package fi.collabmaturity.api.results;

import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;

/**
 * A computed result already written as JSON (UTF-8) by the application's own object mapper, so that a result served
 * many times between two changes of the read models is serialised once: writing the 352-area overview was about
 * 40% of a read's CPU time in the benchmark's profile. {@link ResultJsonConverter} writes the bytes as they are.
 */
@Schema(type = "object")
public record ResultJson(byte[] utf8) {

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
