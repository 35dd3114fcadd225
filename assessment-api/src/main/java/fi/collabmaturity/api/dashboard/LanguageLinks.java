package fi.collabmaturity.api.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;

/** The language switch: the current page with its query, only {@code lang} changed. */
final class LanguageLinks {

    /** Each language named in itself, as language pickers do, so a reader finds their own. */
    private static final Map<String, String> NAMES = Map.of("fi", "Suomi", "sv", "Svenska", "en", "English");

    private LanguageLinks() {
    }

    record Link(String lang, String name, String href) {
    }

    static List<Link> of(HttpServletRequest request) {
        return List.of("fi", "sv", "en").stream().map(lang -> new Link(lang, NAMES.get(lang),
                UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                        .replaceQueryParam("lang", lang).build().toUriString())).toList();
    }
}
