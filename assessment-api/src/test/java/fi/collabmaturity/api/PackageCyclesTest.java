package fi.collabmaturity.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No two packages of the application may depend on each other, directly or through others: a cycle means neither
 * can be understood, changed or tested without the other, and it is how layers quietly merge. The graph is read from
 * the main sources of the api, core and projections modules: every {@code fi.collabmaturity...} name in them, in an
 * import or written out in the code, is an edge from the file's package to the package of the class named.
 *
 * <p>Beyond no cycles, the storage engines are the bottom of the application and stay so: they name nothing of the
 * web, security, controllers, Axon wiring or projections, and the three stores (event log, participant keys, read
 * models) share only the two switches and the data folder. Backup and restore work on the stores alone.
 */
class PackageCyclesTest {

    private static final String ROOT = "fi.collabmaturity";
    private static final List<String> SOURCE_ROOTS = List.of(
            "assessment-api/src/main/java", "assessment-core/src/main/java", "projections/src/main/java");
    /**
     * The core's one remaining cycle, left for its own change: the study directory reads the study, area and
     * reference events to answer the aggregates of those same packages (area, reference and study ask it), so
     * breaking it means moving the directory's port or the events, not a small move. Named exactly, so that it
     * cannot grow unnoticed.
     */
    private static final Set<String> KNOWN_CORE_CYCLE = Set.of("area", "directory", "reference", "study");
    private static final String STORAGE = "api.storage";
    private static final List<String> STORES = List.of("api.storage.eventlog", "api.storage.keys",
            "api.storage.readmodel");
    private static final String BACKUP = "api.operations.backup";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A package name (lower-case segments) followed by a class name (the first upper-case segment). */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(" + Pattern.quote(ROOT) + "(?:\\.[a-z_][\\w]*)*)\\.[A-Z]\\w*");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = graph(projectRoot());
        List<String> cycles = new ArrayList<>();
        List<Set<String>> known = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.equals(KNOWN_CORE_CYCLE)) {
                known.add(component);
            } else if (component.size() > 1) {
                cycles.add(cycleThrough(component, graph));
            }
        }
        assertEquals(List.of(), cycles, "package cycles (each shown by one of its loops)");
        // Once the core's cycle is broken (or changes shape) this fails, so that the exception is removed with it.
        assertEquals(List.of(KNOWN_CORE_CYCLE), known, "the core's known cycle is gone or changed: drop the exception");
    }

    /** The check itself must see a cycle when there is one, or a green run means nothing. */
    @Test
    void findsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", new TreeSet<>(List.of("b")));
        graph.put("b", new TreeSet<>(List.of("c")));
        graph.put("c", new TreeSet<>(List.of("a")));
        graph.put("d", new TreeSet<>(List.of("a")));
        List<Set<String>> components = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(Set.of("a", "b", "c")), components);
        assertEquals("a -> b -> c -> a", cycleThrough(components.get(0), graph));
    }

    /** Storage names only storage and the core (the privacy keys, the shared exceptions), nothing built on it. */
    @Test
    void storageNamesNothingAboveIt() throws IOException {
        Map<String, Set<String>> graph = graph(projectRoot());
        assertEquals(List.of(), forbidden(graph, p -> within(p, STORAGE), t -> within(t, STORAGE) || core(t)),
                "storage depends on the application above it");
    }

    /** Each store depends on the switches and the data folder ({@code api.storage}), never on another store. */
    @Test
    void theStoresAreIndependent() throws IOException {
        Map<String, Set<String>> graph = graph(projectRoot());
        List<String> edges = new ArrayList<>();
        for (String store : STORES) {
            assertTrue(graph.containsKey(store), store + " is not in " + graph.keySet());
            edges.addAll(forbidden(graph, p -> within(p, store), t -> !within(t, STORAGE) || t.equals(STORAGE)
                    || within(t, store)));
        }
        edges.addAll(forbidden(graph, STORAGE::equals, t -> !within(t, STORAGE) || t.equals(STORAGE)));
        assertEquals(List.of(), edges, "one store depends on another (or the switches on a store)");
    }

    /**
     * Backup and restore read and write the stores and nothing else of the application: not the projections (a
     * restore leaves the read models to be rebuilt), not the web layer. The online backup's endpoint asks
     * {@code api.security} whether the caller is an admin.
     */
    @Test
    void backupWorksOnTheStoresAlone() throws IOException {
        Map<String, Set<String>> graph = graph(projectRoot());
        assertTrue(graph.containsKey(BACKUP), BACKUP + " is not in " + graph.keySet());
        assertEquals(List.of(), forbidden(graph, p -> within(p, BACKUP),
                        t -> within(t, BACKUP) || within(t, STORAGE) || t.equals("api.security") || core(t)),
                "backup and restore depend on more than the stores");
    }

    /** The rules must see a forbidden edge when there is one. */
    @Test
    void findsAForbiddenEdge() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("api.storage.keys", new TreeSet<>(List.of("api.storage", "api.web", "privacy")));
        graph.put("api.storage.readmodel", new TreeSet<>(List.of("api.storage.keys")));
        graph.put("api.web", new TreeSet<>(List.of("api.storage.keys")));
        assertEquals(List.of("api.storage.keys -> api.web"),
                forbidden(graph, p -> within(p, STORAGE), t -> within(t, STORAGE) || core(t)));
        assertEquals(List.of("api.storage.readmodel -> api.storage.keys"), forbidden(graph,
                p -> within(p, "api.storage.readmodel"), t -> !within(t, STORAGE) || t.equals(STORAGE)));
    }

    @Test
    void readsTheSources() throws IOException {
        Map<String, Set<String>> graph = graph(projectRoot());
        // A wrong root or pattern would find no edges and pass vacuously.
        assertFalse(graph.getOrDefault("api.axon", Set.of()).isEmpty(), "api.axon has dependencies: " + graph);
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("assessment-core"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Package to the packages it names, without the common {@code fi.collabmaturity.} prefix. */
    private static Map<String, Set<String>> graph(Path root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String sources : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root.resolve(sources))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = STRINGS.matcher(COMMENTS.matcher(Files.readString(file)).replaceAll(" "))
                            .replaceAll("\"\"");
                    Matcher pkg = PACKAGE.matcher(text);
                    if (!pkg.find()) {
                        continue;
                    }
                    String from = shortName(pkg.group(1));
                    Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                    Matcher ref = REFERENCE.matcher(text.substring(pkg.end()));
                    while (ref.find()) {
                        String to = shortName(ref.group(1));
                        if (!to.equals(from)) {
                            targets.add(to);
                        }
                    }
                }
            }
        }
        return graph;
    }

    /** The edges from the packages {@code from} accepts to packages {@code allowed} does not, as "a -> b". */
    private static List<String> forbidden(Map<String, Set<String>> graph, Predicate<String> from,
                                          Predicate<String> allowed) {
        List<String> edges = new ArrayList<>();
        graph.forEach((source, targets) -> {
            if (from.test(source)) {
                targets.stream().filter(allowed.negate()).forEach(target -> edges.add(source + " -> " + target));
            }
        });
        return edges;
    }

    /** The package itself or one below it. */
    private static boolean within(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }

    /** A package of the domain core: neither the application ({@code api}) nor the read side ({@code projection}). */
    private static boolean core(String pkg) {
        return !within(pkg, "api") && !within(pkg, "projection") && !pkg.equals("(root)");
    }

    private static String shortName(String pkg) {
        return pkg.equals(ROOT) ? "(root)" : pkg.startsWith(ROOT + ".") ? pkg.substring(ROOT.length() + 1) : pkg;
    }

    /** Tarjan's strongly connected components, in a stable order. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    /** The shortest loop from the component's first package back to itself, e.g. "api.axon -> api.storage -> api.axon". */
    private static String cycleThrough(Set<String> component, Map<String, Set<String>> graph) {
        String start = component.iterator().next();
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String at = node; !at.equals(start); at = cameFrom.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    String loop = String.join(" -> ", path);
                    return component.size() == path.size() - 1 ? loop : loop + " (cycle among " + component + ")";
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, node);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("no loop through " + component);
    }
}
