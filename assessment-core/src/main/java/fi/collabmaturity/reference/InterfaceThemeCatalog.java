package fi.collabmaturity.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The interface themes seeded from the source documents ({@code reference/interface-themes.json}). Themes that
 * administrators add later are events of the {@link InterfaceThemeCatalogue} aggregate, on top of these.
 */
public final class InterfaceThemeCatalog {

    private static final String RESOURCE = "reference/interface-themes.json";

    private InterfaceThemeCatalog() {
    }

    public static List<InterfaceTheme> seeded() {
        try (InputStream in = InterfaceThemeCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE + " is missing");
            return List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<InterfaceTheme>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
