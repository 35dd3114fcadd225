package fi.collabmaturity.api.web;

import java.util.List;
import java.util.Locale;

/** The product's languages: Finnish (the default), Swedish and English. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("fi", "sv", "en");

    private Languages() {
    }

    /** {@code lang} if given and supported, else the best match of an Accept-Language header, else Finnish. */
    public static String pick(String lang, String acceptLanguage) {
        if (lang != null && SUPPORTED.contains(lang.toLowerCase(Locale.ROOT))) {
            return lang.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header falls back to the default rather than failing the request
            }
        }
        return "fi";
    }
}
