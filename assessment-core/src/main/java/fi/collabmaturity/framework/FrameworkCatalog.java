package fi.collabmaturity.framework;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The frameworks known to this installation, read from {@code frameworks/frameworks.index} files on the class
 * path (every jar may bring its own) and the JSON definitions they list. Adding a framework is adding data.
 */
public final class FrameworkCatalog {

    public static final String DEFAULT_FRAMEWORK_ID = "keast-mandell-2014";
    private static final String INDEX = "frameworks/frameworks.index";

    /** id to its versions, oldest first. */
    private final Map<String, NavigableMap<FrameworkVersion, Framework>> frameworks;

    public FrameworkCatalog(Collection<Framework> frameworks) {
        Map<String, NavigableMap<FrameworkVersion, Framework>> byId = new LinkedHashMap<>();
        for (Framework framework : frameworks) {
            FrameworkRules.check(framework);
            if (byId.computeIfAbsent(framework.id(), id -> new TreeMap<>())
                    .putIfAbsent(FrameworkVersion.parse(framework.version()), framework) != null) {
                throw new IllegalStateException("framework " + framework.id() + " " + framework.version()
                        + " is defined twice");
            }
        }
        byId.replaceAll((id, versions) -> Collections.unmodifiableNavigableMap(versions));
        this.frameworks = Collections.unmodifiableMap(byId);
    }

    /** Reads every framework listed in the class path's index files. */
    public static FrameworkCatalog fromClasspath() {
        return fromClasspath(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : FrameworkCatalog.class.getClassLoader());
    }

    public static FrameworkCatalog fromClasspath(ClassLoader classLoader) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<Framework> loaded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            Enumeration<URL> indexes = classLoader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                for (String file : readIndex(indexes.nextElement())) {
                    if (!seen.add(file)) {
                        continue;
                    }
                    try (InputStream in = classLoader.getResourceAsStream("frameworks/" + file)) {
                        Objects.requireNonNull(in, () -> "frameworks/" + file + " is listed but missing");
                        loaded.add(mapper.readValue(in, Framework.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the framework definitions", e);
        }
        loaded.sort((a, b) -> a.id().compareTo(b.id()));
        return new FrameworkCatalog(loaded);
    }

    private static List<String> readIndex(URL index) throws IOException {
        List<String> files = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    files.add(trimmed);
                }
            }
        }
        return files;
    }

    /**
     * The newest version of a framework: what a new study is created with. Not what an existing study computes
     * with; that is {@link fi.collabmaturity.study.StudyFacts#framework(FrameworkCatalog)}, its recorded version.
     */
    public Optional<Framework> find(String id) {
        return Optional.ofNullable(frameworks.get(id)).map(versions -> versions.lastEntry().getValue());
    }

    public Framework get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown framework " + id));
    }

    /** One version of a framework: what a study computes with, the version it was created with or upgraded to. */
    public Optional<Framework> find(String id, String version) {
        if (version == null) {
            return Optional.empty();
        }
        Optional<FrameworkVersion> parsed = FrameworkVersion.tryParse(version);
        return Optional.ofNullable(frameworks.get(id)).flatMap(versions -> parsed.map(versions::get));
    }

    public Framework get(String id, String version) {
        return find(id, version)
                .orElseThrow(() -> new IllegalArgumentException("unknown framework " + id + " " + version));
    }

    /** Whether {@code version} is a known version of the framework newer than {@code than}. */
    public boolean isNewer(String id, String version, String than) {
        Optional<FrameworkVersion> later = FrameworkVersion.tryParse(version);
        Optional<FrameworkVersion> earlier = FrameworkVersion.tryParse(than);
        return find(id, version).isPresent() && earlier.isPresent() && later.get().compareTo(earlier.get()) > 0;
    }

    /** The version numbers of a framework, oldest first; empty for an unknown id. */
    public List<String> versionNumbers(String id) {
        return versions(id).stream().map(Framework::version).toList();
    }

    /** Every version of a framework, oldest first; empty for an unknown id. */
    public List<Framework> versions(String id) {
        return Optional.ofNullable(frameworks.get(id)).map(v -> List.copyOf(v.values())).orElse(List.of());
    }

    /** The newest version of every framework, by id. */
    public List<Framework> all() {
        return frameworks.values().stream().map(versions -> versions.lastEntry().getValue()).toList();
    }
}
