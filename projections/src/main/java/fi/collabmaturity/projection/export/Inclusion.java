package fi.collabmaturity.projection.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Personal data an export leaves out unless it is asked for ({@code include=excerpts,comments}). Pseudonyms and
 * participant attributes are always in it: only researchers and admins may export at all.
 */
public enum Inclusion {
    /** Interview quotes, as the {@code excerpt} column of findings.csv. */
    EXCERPTS,
    /** Self-assessment comments, as the {@code comment} column of self_assessments_long.csv. */
    COMMENTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Inclusion> ofCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code().equals(code)).findFirst();
    }
}
