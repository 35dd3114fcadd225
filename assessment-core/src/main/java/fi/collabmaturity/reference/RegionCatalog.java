package fi.collabmaturity.reference;

import fi.collabmaturity.framework.Localized;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The county classification of Statistics Finland, read from {@code reference/wellbeing-services-counties.csv}
 * (a copy of the project's reference file). The file is a plain four-column list without quoting, so a split
 * is the whole parser; it is checked when loaded.
 */
public final class RegionCatalog {

    private static final String RESOURCE = "reference/wellbeing-services-counties.csv";
    private final List<Region> regions;

    public RegionCatalog(List<Region> regions) {
        this.regions = List.copyOf(regions);
    }

    public static RegionCatalog fromClasspath() {
        try (InputStream in = RegionCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE + " is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!"code,name_fi,name_sv,name_en".equals(header)) {
                throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
            }
            List<Region> regions = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4) {
                    throw new IllegalStateException(RESOURCE + " has a malformed line: " + line);
                }
                regions.add(new Region(cells[0], new Localized(cells[1], cells[2], cells[3])));
            }
            return new RegionCatalog(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Region> all() {
        return regions;
    }

    public Optional<Region> find(String code) {
        return regions.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public boolean contains(String code) {
        return find(code).isPresent();
    }
}
