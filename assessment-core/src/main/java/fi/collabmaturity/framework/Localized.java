package fi.collabmaturity.framework;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text in the product's three languages. Finnish is the source language of the research material, so it is the
 * fallback when a language is missing.
 */
public record Localized(String fi, String sv, String en) {

    public static final String DEFAULT_LANGUAGE = "fi";

    public Localized {
        Objects.requireNonNull(fi, "fi");
        Objects.requireNonNull(sv, "sv");
        Objects.requireNonNull(en, "en");
    }

    public String in(String language) {
        String lang = language == null ? DEFAULT_LANGUAGE : language.toLowerCase(Locale.ROOT);
        return switch (lang) {
            case "sv" -> sv;
            case "en" -> en;
            default -> fi;
        };
    }

    public Map<String, String> asMap() {
        return Map.of("fi", fi, "sv", sv, "en", en);
    }
}
