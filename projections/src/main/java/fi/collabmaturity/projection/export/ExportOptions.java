package fi.collabmaturity.projection.export;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What one export request asked for beyond the default. */
public record ExportOptions(Set<Inclusion> include) {

    public static final ExportOptions DEFAULT = new ExportOptions(Set.of());

    public ExportOptions {
        include = include.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(include));
    }

    public static ExportOptions including(Collection<Inclusion> include) {
        return new ExportOptions(include.isEmpty() ? Set.of() : EnumSet.copyOf(include));
    }

    public boolean includes(Inclusion inclusion) {
        return include.contains(inclusion);
    }

    /** The inclusions' codes in a fixed order (the enum's), as the manifest records them. */
    public List<String> codes() {
        return EnumSet.allOf(Inclusion.class).stream().filter(include::contains).map(Inclusion::code).toList();
    }
}
