package fi.collabmaturity.api.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.collabmaturity.api.storage.readmodel.EmbeddedMongoServer;
import fi.collabmaturity.api.storage.eventlog.EventLogConfiguration;
import fi.collabmaturity.api.support.AppProcess;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end benchmark on the embedded default (H2 event log, in-process MongoDB-wire read models), run by
 * {@code bench/run}. It is a plain harness, not a test: {@code mvn verify} never runs it.
 *
 * <ol>
 *   <li>starts the packaged application as its own process on a fresh data folder;</li>
 *   <li>ingest: records the generated national study through the HTTP API with 8 concurrent clients (the
 *       self-assessments timed on their own), and waits for the projections;</li>
 *   <li>queries: 8 concurrent readers on the profile, path and overview endpoints, client-side latencies;</li>
 *   <li>replay: rebuilds every projection from zero through the admin endpoint and times until all caught up;</li>
 *   <li>the HTTP floor: the same self-assessments sent to a study that does not exist (answered 404);</li>
 *   <li>stops the application and runs the raw baselines on the same H2 file: JDBC batch inserts of as many event
 *       rows as there were self-assessments (into a scratch copy of the event table, dropped afterwards), and
 *       reading plus deserializing the whole event table; then the replay floors: the log through three Axon
 *       processors that only deserialize, and the final read models bulk-inserted into a fresh embedded store;</li>
 *   <li>export: restarts the application with {@code -Xmx256m} and GC logging and times the full export (with
 *       excerpts and comments), its peak heap taken from the GC log and from sampling the heap meter;</li>
 *   <li>ingest by import: the same self-assessments as one spreadsheet per area and wave, imported by 8 concurrent
 *       clients into a fresh application (its own data folder, removed afterwards);</li>
 *   <li>prints every figure and rewrites the "Latest run" part of {@code BENCHMARKS.md}.</li>
 * </ol>
 *
 * Arguments: {@code --jar=PATH} (required), {@code --scale=1.0}, {@code --seed=2025}, {@code --work=DIR},
 * {@code --out=BENCHMARKS.md}, {@code --heap=1g} (the application's heap for everything but the export),
 * {@code --jfr} (record a flight recording of the application into the work folder); one phase alone on an earlier
 * run's data folder: {@code --queries-only=DIR}, {@code --replay-only=DIR}, {@code --floor-only=DIR},
 * {@code --replay-floor-only=DIR}.
 */
public final class Benchmark {

    private static final int CLIENTS = 8;
    private static final String PASSWORD = "bench-secret-1";
    /** The study id the floors ask for: none such exists. */
    private static final String NO_SUCH_STUDY = "bench-no-such-study";
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final Map<String, String> args;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int port;
    private AppProcess app; // the application being measured, for its CPU time per phase

    private Benchmark(Map<String, String> args) {
        this.args = args;
        this.work = Path.of(args.getOrDefault("work", "target/bench")).toAbsolutePath();
    }

    public static void main(String[] argv) throws Exception {
        // idle connections HttpURLConnection keeps per server (default 5): one for each reader of the query phase
        System.setProperty("http.maxConnections", String.valueOf(2 * CLIENTS));
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        if (!args.containsKey("jar")) {
            System.err.println("usage: Benchmark --jar=assessment-api/target/assessment-api.jar [--scale=1.0] "
                    + "[--seed=2025] [--work=DIR] [--out=BENCHMARKS.md] [--heap=1g] [--jfr] [--no-import] "
                    + "[--query-rounds=250] "
                    + "[--warm-up-rounds=100] [--jvm=\"...\"] [--queries-only=DIR | --replay-only=DIR | "
                    + "--floor-only=DIR | --replay-floor-only=DIR]");
            System.exit(2);
        }
        new Benchmark(args).run();
    }

    private void run() throws Exception {
        double scale = Double.parseDouble(args.getOrDefault("scale", "1.0"));
        long seed = Long.parseLong(args.getOrDefault("seed", "2025"));
        System.setProperty("app.jar", Path.of(args.get("jar")).toAbsolutePath().toString());
        if (args.containsKey("queries-only")) {
            queriesOnly(new NationalStudy(seed, scale), Path.of(args.get("queries-only")));
            return;
        }
        if (args.containsKey("floor-only")) {
            floorOnly(new NationalStudy(seed, scale), Path.of(args.get("floor-only")));
            return;
        }
        if (args.containsKey("replay-floor-only")) {
            // absolute: H2 refuses a relative database path such as the one BENCHMARKS.md shows
            replayFloorOnly(Path.of(args.get("replay-floor-only")).toAbsolutePath());
            return;
        }
        if (args.containsKey("replay-only")) {
            replayOnly(Path.of(args.get("replay-only")));
            return;
        }
        deleteRecursively(work);
        Path data = work.resolve("data");
        Files.createDirectories(data);

        NationalStudy study = new NationalStudy(seed, scale);
        List<NationalStudy.Write> setup = study.setup();
        List<NationalStudy.Write> answers = study.selfAssessments();
        List<NationalStudy.InterviewScript> interviews = study.interviews();
        log("scale %s, seed %d: %d areas, %d self-assessments, %d interviews, %d events to record", scale, seed,
                study.areas().size(), answers.size(), interviews.size(), study.events());
        figures.put("scale", scale);
        notes.add("load average at the start (1, 5, 15 min): " + loadAverage());

        List<String> jvm = applicationJvm("app");
        long eventsTotal;
        try (AppProcess app = AppProcess.start(data, PASSWORD, work.resolve("app.log"), jvm)) {
            port = app.port;
            this.app = app;
            ingest(setup, answers, interviews);
            awaitProjections("after ingest");
            queries(study);
            queryFloor(study);
            ingestHttpFloor(answers);
            wrk(study, answers);
            eventsTotal = replay();
        } finally {
            app = null;
        }
        figures.put("events_total", eventsTotal);
        notes.add("data folder after ingest, queries and replay, once the application has stopped: " + fileSizes(data));
        baselines(data, answers.size());
        export(data);
        if (args.containsKey("no-import")) {
            notes.add("ingest by import: not measured in this run (--no-import)");
        } else {
            ingestByImport(setup, answers);
        }
        notes.add("load average at the end (1, 5, 15 min): " + loadAverage()
                + " (other builds share this machine: figures from a loaded machine are lower bounds)");
        report(study, seed, scale);
    }

    /**
     * Only the query phase, on the data folder of an earlier run at the same scale and seed (for profiling the
     * reads without ingesting again), then the floor for reads and the reads through wrk; prints the figures,
     * writes nothing to BENCHMARKS.md.
     */
    private void queriesOnly(NationalStudy study, Path data) throws Exception {
        try (AppProcess app = startOn(data, "queries")) {
            port = app.port;
            awaitProjections("at start");
            Duration appCpu = app.cpu();
            Duration benchCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            long t = System.nanoTime();
            queries(study);
            log("queries: %.1f s wall, application CPU %.1f s, benchmark client CPU %.1f s", seconds(t),
                    app.cpu().minus(appCpu).toMillis() / 1e3, ProcessHandle.current().info().totalCpuDuration()
                            .orElse(Duration.ZERO).minus(benchCpu).toMillis() / 1e3);
            queryFloor(study);
            wrkReads(study);
        }
    }

    /**
     * Only the HTTP floor ({@link #ingestHttpFloor}), on the data folder of an earlier run (twice: the first pass
     * warms the JIT up); prints the figures, writes nothing to BENCHMARKS.md.
     */
    private void floorOnly(NationalStudy study, Path data) throws Exception {
        try (AppProcess app = startOn(data, "floor")) {
            port = app.port;
            this.app = app;
            awaitProjections("at start");
            ingestHttpFloor(study.selfAssessments());
            ingestHttpFloor(study.selfAssessments());
        }
    }

    /**
     * Only the replay baseline and the replay floor, on the data folder of an earlier run with no application
     * running on it; prints the figures, writes nothing to BENCHMARKS.md.
     */
    private void replayFloorOnly(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection(EventLogConfiguration.h2Url(data), "sa", "")) {
            long count = eventCount(c);
            replayBaseline(c);
            replayFloor(data, count);
            storeFloor(data, count);
        }
        ratio("replay_floor_ratio", "replay_floor_per_s", "replay_baseline_per_s");
        ratio("replay_store_floor_ratio", "replay_store_floor_per_s", "replay_baseline_per_s");
    }

    /**
     * Only the replay, on the data folder of an earlier run (for profiling the projections without ingesting
     * again); prints the figures, writes nothing to BENCHMARKS.md.
     */
    private void replayOnly(Path data) throws Exception {
        try (AppProcess app = startOn(data, "replay")) {
            port = app.port;
            awaitProjections("at start");
            Duration appCpu = app.cpu();
            replay();
            log("replay: application CPU %.1f s", app.cpu().minus(appCpu).toMillis() / 1e3);
        }
    }

    /** Starts the application on an earlier run's data folder, with a flight recording if asked for. */
    private AppProcess startOn(Path data, String phase) throws Exception {
        Files.createDirectories(work);
        return AppProcess.start(data, PASSWORD, work.resolve("app-" + phase + ".log"), applicationJvm(phase));
    }

    /**
     * The application's JVM options: its heap, any extra options ({@code --jvm="-XX:... -XX:..."}) and, with
     * {@code --jfr}, a flight recording into the work folder under the given name.
     */
    private List<String> applicationJvm(String recording) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + args.getOrDefault("heap", "1g")));
        String extra = args.getOrDefault("jvm", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        if (args.containsKey("jfr")) {
            jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
            jvm.add("-XX:StartFlightRecording=filename=" + work.resolve(recording + ".jfr") + ",settings=profile");
        }
        return jvm;
    }

    /** The sizes of the embedded default's files, MB. */
    private static String fileSizes(Path data) throws IOException {
        try (var files = Files.list(data)) {
            return files.filter(f -> f.toString().endsWith(".mv.db")).sorted()
                    .map(f -> String.format(Locale.ROOT, "%s %.0f MB", f.getFileName(), f.toFile().length() / 1e6))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------------------------------------- ingest

    private void ingest(List<NationalStudy.Write> setup, List<NationalStudy.Write> answers,
                        List<NationalStudy.InterviewScript> interviews) throws InterruptedException {
        long t0 = System.nanoTime();
        for (NationalStudy.Write write : setup) {
            post(write);
        }
        log("setup: %d writes in %.1f s", setup.size(), seconds(t0));

        Cpu cpu = new Cpu();
        long t1 = System.nanoTime();
        shareOut(answers, this::post);
        double s = seconds(t1);
        double perSecond = answers.size() / s;
        figures.put("ingest_per_s", perSecond);
        log("ingest: %d self-assessments in %.1f s = %.1f/s (8 clients); %s", answers.size(), s, perSecond,
                cpu.per(answers.size(), "ingest"));

        ConcurrentLinkedQueue<NationalStudy.InterviewScript> queue = new ConcurrentLinkedQueue<>(interviews);
        AtomicLong writes = new AtomicLong();
        long t2 = System.nanoTime();
        parallel(CLIENTS, client -> {
            for (NationalStudy.InterviewScript script = queue.poll(); script != null; script = queue.poll()) {
                post(script.interview());
                for (NationalStudy.Write finding : script.findings()) {
                    post(finding);
                }
                writes.addAndGet(1 + script.findings().size());
            }
        });
        double si = seconds(t2);
        figures.put("ingest_interview_writes_per_s", writes.get() / si);
        log("ingest: %d interviews and findings in %.1f s = %.1f writes/s", writes.get(), si, writes.get() / si);
    }

    private void post(NationalStudy.Write write) {
        byte[] body = write.body().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            Reply reply;
            try {
                reply = postBytes(write.path(), "application/json", body);
            } catch (UncheckedIOException e) {
                if (attempt >= 3) {
                    throw e;
                }
                continue; // a connection the server had closed: send again (a duplicate then answers 409)
            }
            if (reply.status() == 201 || reply.status() == 200) {
                return;
            }
            // a retried request whose first attempt went through is a duplicate: recorded, so done
            if (reply.status() == 409 && attempt > 0) {
                return;
            }
            if (attempt >= 3) {
                throw new IllegalStateException(write.path() + " " + write.body() + " -> " + reply.status() + " "
                        + reply.body());
            }
        }
    }

    /**
     * The floor under any write through this HTTP API on this machine: the same self-assessment bodies, posted by
     * the same 8 clients, to a study that does not exist. Each request goes through everything a submission does
     * before its command (the connection, HTTP Basic sign-in, Spring Security's filters, Spring MVC, reading the
     * JSON body into the request record, the study access check) and is answered with a 404 problem; nothing is
     * validated further, sealed, appended, committed or projected. Its ratio to the ingest baseline is the most any
     * submission path through these layers could reach here (BENCHMARKS.md, "Why the remaining targets are
     * missed"). Run while the application is otherwise idle (after the query phase).
     */
    private void ingestHttpFloor(List<NationalStudy.Write> answers) throws InterruptedException {
        String prefix = "/api/v1/studies/" + NationalStudy.STUDY + "/";
        String nowhere = "/api/v1/studies/" + NO_SUCH_STUDY + "/";
        List<byte[]> bodies = answers.stream().map(w -> w.body().getBytes(StandardCharsets.UTF_8)).toList();
        List<String> paths = answers.stream().map(w -> w.path().replace(prefix, nowhere)).toList();
        AtomicInteger next = new AtomicInteger();
        Cpu cpu = new Cpu();
        long t = System.nanoTime();
        parallel(CLIENTS, client -> {
            for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                Reply reply;
                try {
                    reply = postBytes(paths.get(i), "application/json", bodies.get(i));
                } catch (UncheckedIOException e) {
                    reply = postBytes(paths.get(i), "application/json", bodies.get(i)); // a connection closed: again
                }
                if (reply.status() != 404) {
                    throw new IllegalStateException(paths.get(i) + " -> " + reply.status() + " " + reply.body());
                }
            }
        });
        double s = seconds(t);
        figures.put("http_floor_per_s", bodies.size() / s);
        log("ingest floor: %d self-assessments to a study that does not exist (404) in %.1f s = %.1f/s (8 clients);"
                + " %s", bodies.size(), s, bodies.size() / s, cpu.per(bodies.size(), "http_floor"));
    }

    /** CPU time of the application and of this harness (its clients) from its creation on. */
    private final class Cpu {
        private final Duration application = app.cpu();
        private final Duration harness = harnessCpu();

        private static Duration harnessCpu() {
            return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        }

        /**
         * The CPU spent since, per request: the application's and the harness's, in ms, kept as the figures
         * {@code <phase>_app_cpu_ms} and {@code <phase>_harness_cpu_ms}.
         */
        String per(int requests, String phase) {
            double a = app.cpu().minus(application).toNanos() / 1e6 / requests;
            double h = harnessCpu().minus(harness).toNanos() / 1e6 / requests;
            figures.put(phase + "_app_cpu_ms", a);
            figures.put(phase + "_harness_cpu_ms", h);
            return String.format(Locale.ROOT, "CPU per request: application %.2f ms, harness %.2f ms", a, h);
        }
    }

    // ---------------------------------------------------------------------------------------------- wrk

    /** Bodies the wrk write floor cycles through: more than it sends in its seconds, fewer than a scale-10 run has. */
    private static final int WRK_BODIES = 50_000;

    private boolean wrkLooked;
    private String wrkBinary;

    /**
     * The query phase and both floors again, measured by Debian's {@code wrk} (C, 2 threads, 8 connections, one
     * {@code --wrk-seconds} run each, default 10): the harness's own Java clients share the two cores with the
     * application, wrk takes far less of them, so its figures show how much of a latency or a rate is the harness.
     * The requests are the harness's (its paths and bodies, written to files in the work folder, and its credentials),
     * sent by the Lua scripts in {@code bench/} in a random order per thread. Skipped with a note without wrk.
     */
    private void wrk(NationalStudy study, List<NationalStudy.Write> answers) throws IOException, InterruptedException {
        wrkReads(study);
        if (wrkBinary() == null) {
            return;
        }
        Path bodies = work.resolve("wrk-bodies.txt");
        Files.write(bodies, answers.stream().limit(WRK_BODIES).map(NationalStudy.Write::body).toList());
        wrkRun("http_floor", "wrk-post.lua", List.of("/api/v1/studies/" + NO_SUCH_STUDY + "/self-assessments",
                bodies.toString(), auth), 404);
    }

    /** The three read endpoints of the query phase and the floor for reads, each through wrk. */
    private void wrkReads(NationalStudy study) throws IOException, InterruptedException {
        if (wrkBinary() == null) {
            return;
        }
        List<String> floor = new ArrayList<>();
        for (String kind : List.of("profile", "path", "overview")) {
            List<String> paths = readPaths(study, NationalStudy.STUDY, kind);
            floor.addAll(readPaths(study, NO_SUCH_STUDY, kind));
            Path file = work.resolve("wrk-" + kind + "-paths.txt");
            Files.write(file, paths);
            wrkRun(kind, "wrk-get.lua", List.of(file.toString(), auth), 200);
        }
        Path file = work.resolve("wrk-query-floor-paths.txt");
        Files.write(file, floor);
        wrkRun("query_floor", "wrk-get.lua", List.of(file.toString(), auth), 404);
    }

    /** Every path of one endpoint that the query phase can ask for: each area and wave, language, or wave. */
    private static List<String> readPaths(NationalStudy study, String studyId, String kind) {
        String base = "/api/v1/studies/" + studyId;
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "profile" -> study.areas().forEach(a -> study.waves().forEach(w ->
                    out.add(base + "/areas/" + a.id() + "/profile?waveId=" + w)));
            case "path" -> study.areas().forEach(a -> LANGUAGES.forEach(l ->
                    out.add(base + "/areas/" + a.id() + "/path?lang=" + l)));
            default -> study.waves().forEach(w -> out.add(base + "/overview?waveId=" + w));
        }
        return out;
    }

    /** {@code --wrk=PATH}, or {@code wrk} on the PATH; null (noted once) when there is none. */
    private String wrkBinary() {
        if (!wrkLooked) {
            wrkLooked = true;
            wrkBinary = args.get("wrk");
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (wrkBinary == null && !dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
                    wrkBinary = Path.of(dir, "wrk").toString();
                }
            }
            if (wrkBinary == null) {
                notes.add("wrk is not installed, so the wrk figures are missing (bench/run installs Debian's wrk "
                        + "with apt-get when it runs as root)");
                log("wrk: not installed, skipped");
            }
        }
        return wrkBinary;
    }

    /**
     * One wrk run of a Lua script from {@code bench/} ({@code --wrk-scripts}); its output kept in the work folder,
     * its summary line (printed by the script's {@code done()}) kept as {@code wrk_<name>_per_s} and
     * {@code wrk_<name>_p50_ms}, {@code _p90_ms}, {@code _p99_ms}. Every answer must have the expected status (wrk
     * counts the answers that are not 2xx or 3xx); a run that fails is noted, not fatal to the rest of the benchmark.
     */
    private void wrkRun(String name, String script, List<String> scriptArgs, int expected)
            throws IOException, InterruptedException {
        Path scripts = Path.of(args.getOrDefault("wrk-scripts", "bench")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(wrkBinary(), "-t2", "-c" + CLIENTS,
                "-d" + args.getOrDefault("wrk-seconds", "10") + "s", "--latency", "--timeout", "10s",
                "-s", scripts.resolve(script).toString(), "http://127.0.0.1:" + port, "--"));
        command.addAll(scriptArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.writeString(work.resolve("wrk-" + name + ".txt"), output);
        Map<String, String> summary = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("wrk-summary ")) {
                for (String pair : line.substring("wrk-summary ".length()).trim().split(" ")) {
                    String[] kv = pair.split("=", 2);
                    summary.put(kv[0], kv[1]);
                }
            }
        }
        if (exit != 0 || !summary.containsKey("per_s")) {
            notes.add("wrk " + name + " failed (exit " + exit + "; output in wrk-" + name + ".txt)");
            log("wrk %s: failed, exit %d: %s", name, exit, output.strip());
            return;
        }
        long requests = Long.parseLong(summary.get("requests"));
        long other = Long.parseLong(summary.get("non_2xx_3xx"));
        long wrong = expected < 300 ? other : requests - other;
        long socketErrors = Long.parseLong(summary.get("socket_errors"));
        if (wrong > 0 || socketErrors > 0) {
            notes.add(String.format(Locale.ROOT, "wrk %s: %d of %d answers not %d, %d socket errors", name, wrong,
                    requests, expected, socketErrors));
        }
        figures.put("wrk_" + name + "_per_s", Double.parseDouble(summary.get("per_s")));
        for (String p : List.of("p50", "p90", "p99")) {
            figures.put("wrk_" + name + "_" + p + "_ms", Long.parseLong(summary.get(p + "_us")) / 1e3);
        }
        log("wrk %-12s %d requests = %s/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms (2 threads, %d connections)",
                name, requests, summary.get("per_s"), figures.get("wrk_" + name + "_p50_ms"),
                figures.get("wrk_" + name + "_p90_ms"), figures.get("wrk_" + name + "_p99_ms"), CLIENTS);
    }

    // ------------------------------------------------------------------------------------ ingest by import

    /**
     * The same self-assessments recorded the other way the API offers for them: one spreadsheet per area and wave
     * (its 40 respondents, as a survey tool exports a round), {@code POST .../self-assessments/import} by 8
     * concurrent clients, into a fresh application on a data folder of its own (removed afterwards). Each file is
     * checked and recorded as one unit of work. Reported beside the single submissions and against the same
     * baseline; the import has no comment columns, so the comments of one respondent in eight stay out.
     */
    private void ingestByImport(List<NationalStudy.Write> setup, List<NationalStudy.Write> answers)
            throws Exception {
        List<byte[]> files = spreadsheets(answers);
        Path data = work.resolve("import-data");
        deleteRecursively(data);
        Files.createDirectories(data);
        try (AppProcess app = AppProcess.start(data, PASSWORD, work.resolve("app-import.log"),
                applicationJvm("import"))) {
            port = app.port;
            for (NationalStudy.Write write : setup) {
                post(write);
            }
            long t = System.nanoTime();
            shareOut(files, this::importSpreadsheet);
            double s = seconds(t);
            figures.put("ingest_import_per_s", answers.size() / s);
            log("ingest by import: %d self-assessments in %d spreadsheets in %.1f s = %.1f/s (8 clients)",
                    answers.size(), files.size(), s, answers.size() / s);
        }
        deleteRecursively(data);
        ratio("ingest_import_ratio", "ingest_import_per_s", "ingest_baseline_per_s");
    }

    /** The single submissions as CSV files, one per area and wave, in the import's columns. */
    private List<byte[]> spreadsheets(List<NationalStudy.Write> answers) throws IOException {
        String header = "areaId,waveId,pseudonym,organisationType,actorLevel," + String.join(",", NationalStudy.DIMENSIONS);
        Map<String, StringBuilder> byAreaAndWave = new LinkedHashMap<>();
        for (NationalStudy.Write write : answers) {
            JsonNode body = json.readTree(write.body());
            JsonNode respondent = body.get("respondent");
            StringBuilder file = byAreaAndWave.computeIfAbsent(body.get("areaId").asText() + '/'
                    + body.get("waveId").asText(), k -> new StringBuilder(header).append("\r\n"));
            file.append(body.get("areaId").asText()).append(',').append(body.get("waveId").asText()).append(',')
                    .append(respondent.get("pseudonym").asText()).append(',')
                    .append(respondent.get("organisationType").asText()).append(',')
                    .append(respondent.get("actorLevel").asText());
            for (String dimension : NationalStudy.DIMENSIONS) {
                file.append(',').append(body.get("answers").get(dimension).asText());
            }
            file.append("\r\n");
        }
        List<byte[]> out = new ArrayList<>();
        for (StringBuilder file : byAreaAndWave.values()) {
            out.add(file.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private void importSpreadsheet(byte[] csv) {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"round.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        Reply reply = postBytes("/api/v1/studies/" + NationalStudy.STUDY + "/self-assessments/import",
                "multipart/form-data; boundary=" + boundary, body);
        if (reply.status() != 201) {
            throw new IllegalStateException("import -> " + reply.status() + " " + reply.body());
        }
    }

    // ---------------------------------------------------------------------------------------------- queries

    private void queries(NationalStudy study) throws InterruptedException {
        Map<String, long[]> latencies = reads(study, NationalStudy.STUDY, 200);
        for (Map.Entry<String, long[]> e : latencies.entrySet()) {
            percentiles(e.getKey(), e.getValue());
        }
    }

    /**
     * The HTTP floor for reads: the same 8 readers, the same mix and rounds (and warm-up), asking for a study that
     * does not exist. Each request is signed in, filtered, routed, its study looked up (from memory, as for the
     * national study) and answered {@code 404} with a problem document: what any read through these layers costs at
     * least. Reported over the three endpoints together ({@code query_floor_*}), each endpoint in the log.
     */
    private void queryFloor(NationalStudy study) throws InterruptedException {
        Map<String, long[]> latencies = reads(study, NO_SUCH_STUDY, 404);
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, long[]> e : latencies.entrySet()) {
            long[] sorted = e.getValue().clone();
            Arrays.sort(sorted);
            log("query floor %-8s n=%d p50 %.1f ms p99 %.1f ms (404 of a study that does not exist)", e.getKey(),
                    sorted.length, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
            for (long l : sorted) {
                all.add(l);
            }
        }
        percentiles("query_floor", all.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * 8 concurrent readers, each a warm-up of {@code --warm-up-rounds} (not measured: the same mix from other random
     * streams, until the JIT has compiled the read paths; a few hundred sequential requests left the compilers busy
     * for a third of the measured phase) and then {@code --query-rounds} rounds of profile, path and overview of
     * random areas and waves of the given study, each answer expected with the given status; the latencies by
     * endpoint.
     */
    private Map<String, long[]> reads(NationalStudy study, String studyId, int status) throws InterruptedException {
        List<String> waves = study.waves();
        List<NationalStudy.Area> areas = study.areas();
        String base = "/api/v1/studies/" + studyId;
        int rounds = Integer.parseInt(args.getOrDefault("query-rounds", "250"));
        Map<String, long[]> latencies = new LinkedHashMap<>();
        for (String kind : List.of("profile", "path", "overview")) {
            latencies.put(kind, new long[CLIENTS * rounds]);
        }
        AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        int warmUp = Integer.parseInt(args.getOrDefault("warm-up-rounds", "100"));
        parallel(CLIENTS, client -> {
            SplittableRandom random = new SplittableRandom(1000 + client);
            for (int r = 0; r < warmUp; r++) {
                String area = areas.get(random.nextInt(areas.size())).id();
                String wave = waves.get(random.nextInt(waves.size()));
                timedGet(base + "/areas/" + area + "/profile?waveId=" + wave, status);
                timedGet(base + "/areas/" + area + "/path?lang=" + LANGUAGES.get(r % 3), status);
                timedGet(base + "/overview?waveId=" + wave, status);
            }
        });
        parallel(CLIENTS, client -> {
            SplittableRandom random = new SplittableRandom(client);
            for (int r = 0; r < rounds; r++) {
                String area = areas.get(random.nextInt(areas.size())).id();
                String wave = waves.get(random.nextInt(waves.size()));
                latencies.get("profile")[counts[0].getAndIncrement()] =
                        timedGet(base + "/areas/" + area + "/profile?waveId=" + wave, status);
                latencies.get("path")[counts[1].getAndIncrement()] =
                        timedGet(base + "/areas/" + area + "/path?lang=" + LANGUAGES.get(r % 3), status);
                latencies.get("overview")[counts[2].getAndIncrement()] =
                        timedGet(base + "/overview?waveId=" + wave, status);
            }
        });
        return latencies;
    }

    /** Keeps p50, p90, p95 and p99 of the latencies (ns) as {@code <name>_p<n>_ms} and logs them. */
    private void percentiles(String name, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        figures.put(name + "_p50_ms", percentile(sorted, 0.50) / 1e6);
        figures.put(name + "_p90_ms", percentile(sorted, 0.90) / 1e6);
        figures.put(name + "_p95_ms", percentile(sorted, 0.95) / 1e6);
        figures.put(name + "_p99_ms", percentile(sorted, 0.99) / 1e6);
        log("%-12s n=%d p50 %.1f ms p90 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms", name, sorted.length,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.90) / 1e6, percentile(sorted, 0.95) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /**
     * One request, timed from sending to the last byte of the body received, through the JDK's blocking
     * {@link HttpURLConnection} (kept-alive connections, one per reader). The body is read into a buffer of the
     * reader's own and counted, not kept or decoded. Why not {@link HttpClient} as elsewhere: its synchronous
     * send hands every request and response between its selector thread and the caller, and with 8 readers on
     * two cores shared with the application those hand-offs and its own CPU (2.2 ms per request, about 40% of the
     * application's) were part of the measured latency (BENCHMARKS.md item 13).
     */
    private long timedGet(String path, int expected) {
        long t = System.nanoTime();
        int status;
        long length = 0;
        try {
            HttpURLConnection connection = (HttpURLConnection) uri(path).toURL().openConnection();
            connection.setRequestProperty("Authorization", auth);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(120_000);
            status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                byte[] buffer = READ_BUFFER.get();
                for (int n = body == null ? -1 : body.read(buffer); n >= 0; n = body.read(buffer)) {
                    length += n; // read to the end, so that the connection goes back to the keep-alive cache
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long elapsed = System.nanoTime() - t;
        if (status != expected || length == 0) {
            throw new IllegalStateException("GET " + path + " -> " + status + ", expected " + expected);
        }
        return elapsed;
    }

    private static final ThreadLocal<byte[]> READ_BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------------------------------------- replay

    private long replay() throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (JsonNode p : projections()) {
            names.add(p.get("name").asText());
        }
        long t = System.nanoTime();
        for (String name : names) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/admin/projections/" + name
                    + "/replay")).header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()));
            if (response.statusCode() != 202) {
                throw new IllegalStateException("replay " + name + ": " + response.statusCode() + " "
                        + response.body());
            }
        }
        Map<String, Double> done = awaitProjections("replay");
        double total = seconds(t);
        long head = head();
        figures.put("replay_total_s", total);
        figures.put("replay_per_s", head / total);
        log("replay: %d processors %s rebuilt %d events in %.1f s = %.0f events/s (each processor reads them all)",
                names.size(), done, head, total, head / total);
        return head;
    }

    private long head() {
        long head = 0;
        for (JsonNode p : projections()) {
            head = Math.max(head, p.get("position").asLong() + p.get("lag").asLong());
        }
        return head;
    }

    /** Waits until every projection is running at the head of the event log; returns when each got there (s). */
    private Map<String, Double> awaitProjections(String what) throws InterruptedException {
        long t = System.nanoTime();
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        while (true) {
            JsonNode all = projections();
            for (JsonNode p : all) {
                if (p.get("lag").asLong() == 0 && "running".equals(p.get("status").asText())) {
                    caughtUp.putIfAbsent(p.get("name").asText(), Math.round(seconds(t) * 10) / 10.0);
                }
            }
            if (caughtUp.size() == all.size()) {
                log("projections caught up (%s) in %.1f s", what, seconds(t));
                return caughtUp;
            }
            if (seconds(t) > 3600) {
                throw new IllegalStateException("projections did not catch up: " + all);
            }
            Thread.sleep(100);
        }
    }

    private JsonNode projections() {
        try {
            return json.readTree(get("/api/v1/admin/projections")).get("projections");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- baselines

    private void baselines(Path data, int rows)
            throws SQLException, IOException, ClassNotFoundException, InterruptedException {
        try (Connection c = DriverManager.getConnection(EventLogConfiguration.h2Url(data), "sa", "")) {
            long count = eventCount(c);
            log("event table: %d rows", count);
            ingestBaseline(c, rows);
            replayBaseline(c);
            replayFloor(data, count);
            storeFloor(data, count);
        }
        ratio("ingest_ratio", "ingest_per_s", "ingest_baseline_per_s");
        ratio("http_floor_ratio", "http_floor_per_s", "ingest_baseline_per_s");
        ratio("replay_ratio", "replay_per_s", "replay_baseline_per_s");
        ratio("replay_floor_ratio", "replay_floor_per_s", "replay_baseline_per_s");
        ratio("replay_store_floor_ratio", "replay_store_floor_per_s", "replay_baseline_per_s");
    }

    private static long eventCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The same number of rows as self-assessments, copied from the stored self-assessment events (real payloads
     * and metadata, new identifiers) into a scratch table that Axon's own table factory creates with the same
     * columns, keys and indexes; one connection, batches of 100 rows, a commit per batch.
     */
    private void ingestBaseline(Connection c, int rows) throws SQLException {
        List<Object[]> source = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT aggregateIdentifier, type, payloadType, "
                + "payloadRevision, payload, metaData, timeStamp FROM domainevententry WHERE payloadType LIKE "
                + "'%SelfAssessmentSubmitted' ORDER BY globalIndex LIMIT ?")) {
            s.setInt(1, rows);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    source.add(new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getBytes(6), rs.getString(7)});
                }
            }
        }
        EventSchema schema = EventSchema.builder().eventTable("bench_domainevententry").build();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_domainevententry");
        }
        PostgresEventTableFactory.INSTANCE.createDomainEventTable(c, schema).execute();
        c.setAutoCommit(false);
        long t = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_domainevententry (eventIdentifier, "
                + "aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, payload, metaData, "
                + "timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < source.size(); i++) {
                Object[] row = source.get(i);
                insert.setString(1, "bench-" + i);
                insert.setString(2, row[0] + "-bench");
                insert.setLong(3, 0);
                insert.setString(4, (String) row[1]);
                insert.setString(5, (String) row[2]);
                insert.setString(6, (String) row[3]);
                insert.setBytes(7, (byte[]) row[4]);
                insert.setBytes(8, (byte[]) row[5]);
                insert.setString(9, (String) row[6]);
                insert.addBatch();
                if (i % 100 == 99 || i == source.size() - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        double s = seconds(t);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE bench_domainevententry");
        }
        figures.put("ingest_baseline_per_s", source.size() / s);
        log("ingest baseline: %d event rows by JDBC batches of 100 in %.2f s = %.0f/s", source.size(), s,
                source.size() / s);
    }

    /**
     * Reads the whole event table in log order and deserializes every payload into its event class with a mapper
     * configured like the application's event serializer, and the metadata into a map; a warm-up pass first, the
     * second pass timed.
     */
    private void replayBaseline(Connection c) throws SQLException, IOException, ClassNotFoundException {
        ObjectMapper mapper = eventMapper();
        Map<String, Class<?>> classes = new HashMap<>();
        long rows = 0;
        double s = 0;
        for (int pass = 0; pass < 2; pass++) {
            long t = System.nanoTime();
            rows = 0;
            long check = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT globalIndex, payloadType, payload, metaData "
                    + "FROM domainevententry ORDER BY globalIndex")) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(2);
                        Class<?> cls = classes.get(type);
                        if (cls == null) {
                            cls = Class.forName(type);
                            classes.put(type, cls);
                        }
                        Object payload = mapper.readValue(rs.getBytes(3), cls);
                        Map<?, ?> meta = mapper.readValue(rs.getBytes(4), Map.class);
                        check += payload.hashCode() + meta.size() + rs.getLong(1);
                        rows++;
                    }
                }
            }
            s = seconds(t);
            if (check == 0) {
                log("(checksum %d)", check); // uses the values, so that the reading cannot be optimised away
            }
        }
        figures.put("replay_baseline_per_s", rows / s);
        log("replay baseline: %d events read and deserialized by JDBC in %.2f s = %.0f/s", rows, s, rows / s);
    }

    /**
     * A JSON mapper configured like the application's event serializer (AxonConfiguration.eventMapper, which is
     * the application's own and not visible here), for the replay baseline and the replay floor alike.
     */
    private static ObjectMapper eventMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The floor under the replay: what Axon alone takes to stream the event log through three pooled streaming
     * processors at once (as many as the application has, with its fetch and batch sizes), each deserializing
     * every payload and its metadata into a handler that only counts them: no read model written, no token
     * stored anywhere but in memory, no dead-letter queue. The application's replay is this plus its handlers and
     * their read-model writes; its ratio to the replay baseline is the most a replay of three projections could reach here with
     * Axon's processors (BENCHMARKS.md, item 15). A warm-up pass, then the timed pass, as for the baseline.
     */
    private void replayFloor(Path data, long events) throws InterruptedException, SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(EventLogConfiguration.h2Url(data));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        double s = 0;
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            // the application reads a log with gaps through its BoundedGapQuery, this floor through Axon's own
            // statement; both read the same way when the log has no gaps (a whole run's log has none)
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT MAX(globalIndex) - MIN(globalIndex) + 1 - COUNT(*) "
                         + "FROM domainevententry")) {
                rs.next();
                log("replay floor: the event log has %d gaps", rs.getLong(1));
            }
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(eventMapper())
                    .lenientDeserialization().build();
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                    .eventSerializer(serializer).snapshotSerializer(serializer)
                    .connectionProvider(new DataSourceConnectionProvider(dataSource))
                    .transactionManager(NoTransactionManager.INSTANCE).batchSize(1000).build()).build();
            try {
                for (int pass = 0; pass < 2; pass++) {
                    s = streamThroughProcessors(store, events, Map.of("studies", 200, "maturity", 500, "audit", 500));
                }
            } finally {
                store.shutDown();
            }
        }
        figures.put("replay_floor_s", s);
        figures.put("replay_floor_per_s", events / s);
        log("replay floor: %d events through 3 Axon processors that only deserialize them in %.2f s = %.0f/s",
                events, s, events / s);
    }

    /**
     * The floor that the embedded read-model store sets under any replay: the read models a replay ends with (every
     * document of every collection of the run's store, read from a copy of it as raw BSON) inserted into a fresh
     * store of the same kind with the same indexes, by {@code insertMany} in batches of 1,000, unordered, through the
     * MongoDB driver: no event read, no handler, no update, every document written once. A warm-up pass, then the
     * timed pass, each into a store of its own (removed afterwards). A rebuild that wrote its read models as one
     * bulk load at the end could not be faster than this (BENCHMARKS.md, item 15).
     */
    private void storeFloor(Path data, long events) throws IOException {
        Path scratch = work.resolve("store-floor");
        deleteRecursively(scratch);
        Files.createDirectories(scratch);
        Map<String, List<RawBsonDocument>> documents = new LinkedHashMap<>();
        Map<String, List<Document>> indexes = new LinkedHashMap<>();
        double s;
        try {
            Path copy = scratch.resolve("source.mv.db");
            Files.copy(data.resolve("readmodels.mv.db"), copy);
            try (EmbeddedMongoServer server = new EmbeddedMongoServer(copy);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                for (String database : client.listDatabaseNames()) {
                    for (String name : client.getDatabase(database).listCollectionNames()) {
                        MongoCollection<RawBsonDocument> collection = client.getDatabase(database)
                                .getCollection(name, RawBsonDocument.class);
                        // small batches: a few read-model documents are megabytes, and a reply may not exceed 48 MB
                        documents.put(database + "." + name, collection.find().batchSize(20).into(new ArrayList<>()));
                        indexes.put(database + "." + name, collection.listIndexes().into(new ArrayList<>()));
                    }
                }
            }
            s = bulkInsert(scratch, documents, indexes);
        } finally {
            deleteRecursively(scratch);
        }
        long count = documents.values().stream().mapToLong(List::size).sum();
        long bytes = documents.values().stream().flatMap(List::stream)
                .mapToLong(d -> d.getByteBuffer().remaining()).sum();
        figures.put("replay_store_floor_s", s);
        figures.put("replay_store_floor_per_s", events / s);
        log("replay store floor: %d read-model documents (%.0f MB of BSON) bulk-inserted into a fresh store in %.2f s",
                count, bytes / 1e6, s);
    }

    /** Two passes of the store floor, each into a fresh store in {@code scratch}; returns the second's seconds. */
    private static double bulkInsert(Path scratch, Map<String, List<RawBsonDocument>> documents,
                                     Map<String, List<Document>> indexes) {
        double s = 0;
        for (int pass = 0; pass < 2; pass++) {
            try (EmbeddedMongoServer server = new EmbeddedMongoServer(scratch.resolve("pass-" + pass + ".mv.db"));
                 MongoClient client = MongoClients.create(server.connectionString())) {
                for (Map.Entry<String, List<Document>> collection : indexes.entrySet()) {
                    for (Document index : collection.getValue()) {
                        if (!"_id_".equals(index.getString("name"))) {
                            target(client, collection.getKey()).createIndex((Document) index.get("key"),
                                    new IndexOptions().name(index.getString("name"))
                                            .unique(Boolean.TRUE.equals(index.getBoolean("unique"))));
                        }
                    }
                }
                long t = System.nanoTime();
                for (Map.Entry<String, List<RawBsonDocument>> collection : documents.entrySet()) {
                    List<RawBsonDocument> all = collection.getValue();
                    for (int i = 0; i < all.size(); i += 1000) {
                        target(client, collection.getKey()).insertMany(all.subList(i, Math.min(all.size(), i + 1000)),
                                new InsertManyOptions().ordered(false));
                    }
                }
                s = seconds(t);
            }
        }
        return s;
    }

    private static MongoCollection<RawBsonDocument> target(MongoClient client, String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return client.getDatabase(qualifiedName.substring(0, dot))
                .getCollection(qualifiedName.substring(dot + 1), RawBsonDocument.class);
    }

    /** Streams the whole log through one counting processor per entry (name, batch size); returns the seconds. */
    private static double streamThroughProcessors(EmbeddedEventStore store, long events, Map<String, Integer> batches)
            throws InterruptedException {
        List<PooledStreamingEventProcessor> processors = new ArrayList<>();
        List<AtomicLong> counts = new ArrayList<>();
        List<ScheduledExecutorService> executors = new ArrayList<>();
        for (Map.Entry<String, Integer> processor : batches.entrySet()) {
            AtomicLong count = new AtomicLong();
            ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
            ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
            executors.addAll(List.of(coordinator, workers));
            counts.add(count);
            processors.add(PooledStreamingEventProcessor.builder()
                    .name("floor-" + processor.getKey())
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Counting(count))
                            .build())
                    .errorHandler(PropagatingErrorHandler.instance())
                    .messageSource(store)
                    .tokenStore(new InMemoryTokenStore())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(1)
                    .batchSize(processor.getValue())
                    .build());
        }
        long t = System.nanoTime();
        try {
            processors.forEach(PooledStreamingEventProcessor::start);
            while (counts.stream().anyMatch(c -> c.get() < events)) {
                if (seconds(t) > 1800) {
                    throw new IllegalStateException("replay floor: processors stuck at " + counts + " of " + events);
                }
                Thread.sleep(5);
            }
            return seconds(t);
        } finally {
            // also when a processor fails: their executors' threads would otherwise keep the harness alive
            processors.forEach(PooledStreamingEventProcessor::shutDown);
            executors.forEach(ScheduledExecutorService::shutdownNow);
        }
    }

    /** The floor's event handler: takes every event's payload and metadata (so both are deserialized), counts it. */
    public static final class Counting {
        private final AtomicLong count;

        Counting(AtomicLong count) {
            this.count = count;
        }

        @EventHandler
        public void on(Object payload, MetaData metaData) {
            if (payload != null && metaData != null) {
                count.incrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- export

    /**
     * The export's heap, {@code --export-heap}: by default the 128 MB the target gives the national study, and as
     * much more as the study is larger (the export keeps a compact record per self-assessment and finding, so its
     * memory may grow linearly with the scale).
     */
    private String exportHeap() {
        double scale = Double.parseDouble(args.getOrDefault("scale", "1.0"));
        return args.getOrDefault("export-heap", Math.round(128 * Math.max(1, scale)) + "m");
    }

    /** The heap the export figures were measured with: {@link #exportHeap()}, or twice it after a failure there. */
    private String exportHeapUsed;

    /**
     * The export with {@link #exportHeap()}; when the application fails it there (an error status, such as the
     * read-model store running out of memory), the failure is recorded ({@code export_failed}, a target not met) and
     * the export measured again with twice the heap, so that the run still has its figures.
     */
    private void export(Path data) throws Exception {
        exportHeapUsed = exportHeap();
        int status = export(data, exportHeapUsed, "app-export.log");
        if (status != 200) {
            String failure = (status == 0 ? "no answer" : "HTTP " + status) + " with -Xmx" + exportHeapUsed;
            figures.put("export_failed", failure + " (app-export.log)");
            log("export failed: %s; measured again with twice the heap", failure);
            String given = exportHeapUsed.toLowerCase(Locale.ROOT);
            long mb = Long.parseLong(given.replaceAll("\\D", "")) * (given.endsWith("g") ? 1024 : 1);
            exportHeapUsed = (2 * mb) + "m";
            status = export(data, exportHeapUsed, "app-export-retry.log");
            if (status != 200) {
                throw new IllegalStateException("export: " + status + " with -Xmx" + exportHeapUsed);
            }
        }
    }

    private String exportHeapUsed() {
        return exportHeapUsed == null ? exportHeap() : exportHeapUsed;
    }

    private int export(Path data, String heap, String logName) throws Exception {
        Path gcLog = work.resolve("export-gc.log");
        Files.deleteIfExists(gcLog);
        // out of heap, the application ends at once: left running, an OutOfMemoryError in Tomcat's poller left the
        // request unanswered until the client's timeout
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog,
                "-XX:+ExitOnOutOfMemoryError"));
        if (args.containsKey("jfr")) {
            jvm.add("-XX:StartFlightRecording=filename=" + work.resolve(logName.replace(".log", ".jfr"))
                    + ",settings=profile");
        }
        try (AppProcess app = AppProcess.start(data, PASSWORD, work.resolve(logName), jvm)) {
            port = app.port;
            awaitProjections("export restart");
            int gcLinesBefore = Files.readAllLines(gcLog).size();
            AtomicLong sampledPeak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        JsonNode m = json.readTree(get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
                        sampledPeak.accumulateAndGet(m.get("measurements").get(0).get("value").asLong(), Math::max);
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception ignored) {
                        // a sample lost to a busy server is just a sample fewer
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long t = System.nanoTime();
            HttpResponse<InputStream> response;
            long bytes = 0;
            try {
                response = http.send(HttpRequest.newBuilder(uri("/api/v1/studies/"
                                + NationalStudy.STUDY + "/export?include=excerpts,comments"))
                        .header("Authorization", auth).timeout(Duration.ofMinutes(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        bytes += n;
                    }
                }
            } catch (IOException e) {
                log("export: the connection ended without a whole answer (%s); see %s", e, logName);
                return 0;
            } finally {
                sampler.interrupt();
                sampler.join();
            }
            double s = seconds(t);
            if (response.statusCode() != 200) {
                return response.statusCode();
            }
            Thread.sleep(500); // the GC log is written asynchronously
            List<String> gc = Files.readAllLines(gcLog);
            long gcPeak = 0;
            int collections = 0;
            Pattern before = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
            for (String line : gc.subList(gcLinesBefore, gc.size())) {
                Matcher m = before.matcher(line);
                if (m.find()) {
                    gcPeak = Math.max(gcPeak, Long.parseLong(m.group(1)));
                    collections++;
                }
            }
            long peakMb = Math.max(gcPeak, sampledPeak.get() / (1024 * 1024));
            figures.put("export_s", s);
            figures.put("export_peak_heap_mb", peakMb);
            figures.put("export_zip_bytes", bytes);
            log("export: %d bytes in %.1f s; peak heap %d MB (GC log %d MB over %d collections, sampled %d MB), "
                    + "-Xmx%s", bytes, s, peakMb, gcPeak, collections, sampledPeak.get() / (1024 * 1024),
                    heap);
            return 200;
        }
    }

    // ---------------------------------------------------------------------------------------------- report

    /** The figures of a run's block at the end of BENCHMARKS.md: issue 9's 13, the floors of issue 25, the scale. */
    static final List<String> BLOCK = List.of("scale", "ingest_per_s", "ingest_baseline_per_s", "ingest_ratio",
            "replay_per_s", "replay_baseline_per_s", "replay_ratio", "replay_total_s", "profile_p99_ms", "path_p99_ms",
            "overview_p99_ms", "export_s", "export_peak_heap_mb", "events_total", "replay_store_floor_s",
            "replay_floor_s", "http_floor_per_s", "query_floor_p99_ms");

    /** One target of issue 25, as measured in this run. */
    record Target(String rule, double value, boolean met) {
    }

    /**
     * Issue 25's targets, as ratios within this run: replay at most twice its store floor, each read's p99 at most
     * twice the floor's, ingest at least half the HTTP floor for writes; the export of the national study under 10 s
     * within 128 MB; and, given the national run's block ({@code national}, from BENCHMARKS.md; empty when there is
     * none or this is it), replay, export and query p99 growing at most as the events do.
     */
    List<Target> targets(double scale, Map<String, Double> national) {
        List<Target> out = new ArrayList<>();
        at(out, "replay_total_s / replay_store_floor_s <= 2", "replay_total_s", "replay_store_floor_s", 2, true);
        for (String kind : List.of("profile", "path", "overview")) {
            at(out, kind + "_p99_ms / query_floor_p99_ms <= 2", kind + "_p99_ms", "query_floor_p99_ms", 2, true);
        }
        at(out, "ingest_per_s / http_floor_per_s >= 0.5", "ingest_per_s", "http_floor_per_s", 0.5, false);
        if (scale == 1) {
            Number export = (Number) figures.get("export_s");
            Number heap = (Number) figures.get("export_peak_heap_mb");
            if (figures.containsKey("export_failed")) {
                out.add(new Target("export finishes with -Xmx" + exportHeap() + " (" + figures.get("export_failed")
                        + ")", 0, false));
            }
            if (export != null && heap != null) {
                out.add(new Target("export_s < 10 (national study, -Xmx" + exportHeapUsed() + ")",
                        export.doubleValue(), export.doubleValue() < 10));
                out.add(new Target("export_peak_heap_mb <= 128 (-Xmx" + exportHeapUsed() + ")", heap.doubleValue(),
                        heap.doubleValue() <= 128));
            }
        }
        Number events = (Number) figures.get("events_total");
        if (scale != 1 && events != null && national.containsKey("events_total")) {
            double grew = events.doubleValue() / national.get("events_total");
            for (String name : List.of("replay_total_s", "export_s", "profile_p99_ms", "path_p99_ms",
                    "overview_p99_ms")) {
                Number value = (Number) figures.get(name);
                if (value != null && national.containsKey(name)) {
                    double growth = value.doubleValue() / national.get(name);
                    out.add(new Target(String.format(Locale.ROOT, "%s grew %.2f times <= the events' %.2f times "
                            + "(national run's %s)", name, growth, grew, format(national.get(name))), growth,
                            growth <= grew));
                }
            }
        }
        return out;
    }

    private void at(List<Target> out, String rule, String measured, String floor, double limit, boolean atMost) {
        Number m = (Number) figures.get(measured);
        Number f = (Number) figures.get(floor);
        if (m != null && f != null) {
            double r = m.doubleValue() / f.doubleValue();
            out.add(new Target(rule, r, atMost ? r <= limit : r >= limit));
        }
    }

    /** Where a run's part of BENCHMARKS.md goes: its section under "Latest runs" and its block at the end. */
    enum Slot {
        TEN("### Ten times the national scale (`--scale=10`)", "The ten-times run, one figure a line:"),
        NATIONAL("### National scale (`--scale=1`)", "The national run, one figure a line:"),
        OTHER("### Another scale (the latest run at a scale other than 1 and 10)", null);

        final String heading;
        final String blockIntro;

        Slot(String heading, String blockIntro) {
            this.heading = heading;
            this.blockIntro = blockIntro;
        }

        static Slot of(double scale) {
            return scale == 10 ? TEN : scale == 1 ? NATIONAL : OTHER;
        }
    }

    static final String LATEST = "## Latest runs";
    static final String FIGURES = "## The figures, one a line";

    /** BENCHMARKS.md as the parts a run rewrites: what precedes "Latest runs", each slot's section and block. */
    record Parts(String prefix, Map<Slot, String> sections, String figuresIntro, Map<Slot, String> blocks) {

        static Parts of(String text) {
            int latest = text.indexOf("\n## Latest run"); // also the single "Latest run" of earlier versions
            String prefix = latest >= 0 ? text.substring(0, latest + 1) : text.endsWith("\n") ? text : text + "\n";
            String tail = latest >= 0 ? text.substring(latest + 1) : "";
            Map<Slot, String> sections = new EnumMap<>(Slot.class);
            Map<Slot, String> blocks = new EnumMap<>(Slot.class);
            for (Slot slot : Slot.values()) {
                String section = between(tail, slot.heading + "\n");
                if (section != null) {
                    sections.put(slot, section);
                }
                if (slot.blockIntro != null) {
                    int at = tail.indexOf("\n" + slot.blockIntro + "\n");
                    if (at >= 0) {
                        StringBuilder block = new StringBuilder();
                        String[] lines = tail.substring(at + slot.blockIntro.length() + 2).split("\n", -1);
                        int i = 0;
                        while (i < lines.length && lines[i].isBlank()) {
                            i++;
                        }
                        for (; i < lines.length && lines[i].matches("[a-z0-9_]+: \\S.*"); i++) {
                            block.append(lines[i]).append('\n');
                        }
                        blocks.put(slot, block.toString());
                    }
                }
            }
            String intro = between(tail, FIGURES + "\n");
            if (intro != null) {
                for (Slot slot : Slot.values()) {
                    if (slot.blockIntro != null && intro.contains(slot.blockIntro + "\n")) {
                        intro = intro.substring(0, intro.indexOf(slot.blockIntro + "\n"));
                    }
                }
            }
            return new Parts(prefix, sections, intro == null ? "" : intro.strip(), blocks);
        }

        /** The text after a heading line up to the next heading of level 2 or 3 (without it), trimmed. */
        private static String between(String text, String headingLine) {
            int at = text.startsWith(headingLine) ? 0 : text.indexOf("\n" + headingLine);
            if (at < 0) {
                return null;
            }
            int from = text.indexOf('\n', at == 0 ? 0 : at + 1) + 1;
            int next = from;
            while (true) {
                next = text.indexOf("\n##", next);
                if (next < 0) {
                    return text.substring(from).strip();
                }
                if (text.startsWith("\n## ", next) || text.startsWith("\n### ", next)) {
                    return text.substring(from, next).strip();
                }
                next++;
            }
        }

        /** The block's figures as numbers (those that are). */
        Map<String, Double> figures(Slot slot) {
            Map<String, Double> out = new HashMap<>();
            for (String line : blocks.getOrDefault(slot, "").split("\n")) {
                String[] kv = line.split(": ", 2);
                if (kv.length == 2) {
                    try {
                        out.put(kv[0], Double.parseDouble(kv[1].trim()));
                    } catch (NumberFormatException notANumber) {
                        // kept as text only
                    }
                }
            }
            return out;
        }

        String render() {
            StringBuilder b = new StringBuilder(prefix).append(LATEST).append("\n\n");
            b.append("Written by `bench/run` (").append(Benchmark.class.getName()).append("): a run rewrites the")
                    .append(" section of its scale and its block at the end, and leaves the others as they are.\n\n");
            for (Slot slot : Slot.values()) {
                String section = sections.get(slot);
                if (section == null && slot == Slot.OTHER) {
                    continue;
                }
                b.append(slot.heading).append("\n\n")
                        .append(section == null ? "Not yet run under this method." : section).append("\n\n");
            }
            b.append(FIGURES).append("\n\n");
            if (!figuresIntro.isEmpty()) {
                b.append(figuresIntro).append("\n\n");
            }
            for (Slot slot : List.of(Slot.TEN, Slot.NATIONAL)) {
                if (blocks.containsKey(slot)) {
                    b.append(slot.blockIntro).append("\n\n").append(blocks.get(slot)).append('\n');
                }
            }
            return b.toString().stripTrailing() + "\n";
        }
    }

    private void report(NationalStudy study, long seed, double scale) throws IOException {
        Path out = Path.of(args.getOrDefault("out", "BENCHMARKS.md")).toAbsolutePath();
        Parts parts = Parts.of(Files.exists(out) ? Files.readString(out) : "# Benchmarks\n");
        Slot slot = Slot.of(scale);
        List<Target> targets = targets(scale, slot == Slot.NATIONAL ? Map.of() : parts.figures(Slot.NATIONAL));
        StringBuilder b = new StringBuilder();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        b.append("- date: ").append(date).append('\n');
        b.append("- cores: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        b.append("- java: ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        b.append("- scale: ").append(plain(scale)).append(" (seed ").append(seed).append("): ")
                .append(study.areas().size()).append(" areas, ").append(study.waves().size()).append(" waves, ")
                .append(study.areas().size() * study.waves().size() * NationalStudy.RESPONDENTS)
                .append(" self-assessments, ").append(study.interviewAreas().size())
                .append(" interview areas\n");
        b.append("- application heap: ").append(args.getOrDefault("heap", "1g"))
                .append(" for ingest, queries and replay; ").append(exportHeapUsed()).append(" for the export\n");
        for (String note : notes) {
            b.append("- ").append(note).append('\n');
        }
        b.append("\n| target | measured | met |\n|---|---|---|\n");
        for (Target target : targets) {
            b.append("| ").append(target.rule()).append(" | ").append(format(target.value())).append(" | ")
                    .append(target.met() ? "yes" : "no").append(" |\n");
        }
        b.append("\n| figure | harness | wrk (2 threads, 8 connections) |\n|---|---|---|\n");
        pair(b, "ingest, self-assessments/s (HTTP, 8 clients)", "ingest_per_s", null);
        pair(b, "HTTP floor for writes: the same bodies to a study that does not exist (404), requests/s",
                "http_floor_per_s", "wrk_http_floor_per_s");
        pair(b, "HTTP floor for writes, p50 / p99 ms (wrk)", null, "wrk_http_floor_p50_ms", "wrk_http_floor_p99_ms");
        cpuRow(b, "ingest, CPU per self-assessment, application / harness, ms", "ingest");
        cpuRow(b, "HTTP floor for writes, CPU per request, application / harness, ms", "http_floor");
        for (String kind : List.of("profile", "path", "overview", "query_floor")) {
            String label = kind.equals("query_floor") ? "HTTP floor for reads (404 of a study that does not exist)"
                    : kind;
            b.append("| ").append(label).append(" p50 / p90 / p99, ms | ")
                    .append(format(figures.get(kind + "_p50_ms"))).append(" / ")
                    .append(format(figures.get(kind + "_p90_ms"))).append(" / ")
                    .append(format(figures.get(kind + "_p99_ms"))).append(" | ")
                    .append(format(figures.get("wrk_" + kind + "_p50_ms"))).append(" / ")
                    .append(format(figures.get("wrk_" + kind + "_p90_ms"))).append(" / ")
                    .append(format(figures.get("wrk_" + kind + "_p99_ms"))).append(" |\n");
            pair(b, label + ", requests/s (wrk)", null, "wrk_" + kind + "_per_s");
        }
        b.append("\n| figure | value |\n|---|---|\n");
        row(b, "ingest baseline, event rows/s (JDBC batches)", "ingest_baseline_per_s");
        row(b, "ingest ratio (issue 9)", "ingest_ratio");
        row(b, "HTTP floor for writes, ratio to the same baseline", "http_floor_ratio");
        row(b, "interview and finding writes/s (HTTP, 8 clients)", "ingest_interview_writes_per_s");
        row(b, "ingest by import, self-assessments/s (a CSV per area and wave, 8 clients)", "ingest_import_per_s");
        row(b, "ingest by import, ratio to the same baseline", "ingest_import_ratio");
        row(b, "replay total, s (all projections from zero)", "replay_total_s");
        row(b, "replay, events/s", "replay_per_s");
        row(b, "replay baseline, events/s (JDBC read + deserialize)", "replay_baseline_per_s");
        row(b, "replay ratio (issue 9)", "replay_ratio");
        row(b, "replay floor, s (3 Axon processors that only deserialize, no read models)", "replay_floor_s");
        row(b, "replay store floor, s (the final read models bulk-inserted into a fresh embedded store)",
                "replay_store_floor_s");
        row(b, "export, s (with excerpts and comments)", "export_s");
        row(b, "export peak heap, MB (-Xmx" + exportHeapUsed() + ")", "export_peak_heap_mb");
        row(b, "export zip, bytes", "export_zip_bytes");
        row(b, "events in the log", "events_total");

        StringBuilder block = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (String name : BLOCK) {
            Object value = name.equals("scale") ? plain(scale) : figures.get(name);
            if (value == null) {
                missing.add(name);
            }
            block.append(name).append(": ").append(format(value)).append('\n');
        }
        Map<Slot, String> sections = new EnumMap<>(parts.sections());
        Map<Slot, String> blocks = new EnumMap<>(parts.blocks());
        if (!missing.isEmpty()) {
            b.append("\nNo block of figures: not measured in this run: ").append(String.join(", ", missing))
                    .append('\n');
            blocks.remove(slot);
        } else if (slot == Slot.OTHER) {
            b.append("\nIts figures, one a line:\n\n").append(block);
        } else {
            blocks.put(slot, block.toString());
        }
        sections.put(slot, b.toString().strip());
        Files.writeString(out, new Parts(parts.prefix(), sections, parts.figuresIntro(), blocks).render());
        System.out.println();
        for (Target target : targets) {
            System.out.printf(Locale.ROOT, "target %-70s %s  %s%n", target.rule(), format(target.value()),
                    target.met() ? "met" : "NOT MET");
        }
        System.out.print(block);
        System.out.println("written to " + out + " (" + slot.heading.substring(4) + ")");
    }

    /** A scale as written in the blocks: {@code 10}, {@code 1}, {@code 0.05}. */
    static String plain(double scale) {
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }

    private void pair(StringBuilder b, String label, String harness, String... wrk) {
        b.append("| ").append(label).append(" | ").append(harness == null ? "" : format(figures.get(harness)))
                .append(" | ");
        // pair(b, label, key, null) passes a null array: a figure that wrk does not measure
        for (int i = 0; wrk != null && i < wrk.length; i++) {
            b.append(i > 0 ? " / " : "").append(format(figures.get(wrk[i])));
        }
        b.append(" |\n");
    }

    private void row(StringBuilder b, String label, String key) {
        b.append("| ").append(label).append(" | ").append(format(figures.get(key))).append(" |\n");
    }

    private void cpuRow(StringBuilder b, String label, String phase) {
        b.append("| ").append(label).append(" | ").append(format(figures.get(phase + "_app_cpu_ms"))).append(" / ")
                .append(format(figures.get(phase + "_harness_cpu_ms"))).append(" |  |\n");
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(value);
    }

    private void ratio(String name, String measured, String baseline) {
        double r = ((Number) figures.get(measured)).doubleValue() / ((Number) figures.get(baseline)).doubleValue();
        figures.put(name, r);
        log("%s = %.4f", name, r);
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Authorization", auth).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private record Reply(int status, String body) {
    }

    /**
     * One POST through the JDK's blocking {@link HttpURLConnection} (kept-alive connections, one per client), the
     * reply read to its end. The writing clients use it for the reason the readers do ({@link #timedGet}): it costs
     * the two shared cores less than {@link HttpClient}'s hand-offs between threads.
     */
    private Reply postBytes(String path, String contentType, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Authorization", auth);
            connection.setRequestProperty("Content-Type", contentType);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(120_000);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (var out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                byte[] reply = in == null ? new byte[0] : in.readAllBytes();
                return new Reply(status, new String(reply, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The 8 clients take the next item of the list, one at a time, until none is left. */
    private static <T> void shareOut(List<T> items, Consumer<T> each) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        parallel(CLIENTS, client -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                each.accept(items.get(i));
            }
        });
    }

    private static void parallel(int threads, IntConsumer body) throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < threads; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                try {
                    body.accept(client);
                } catch (Throwable e) {
                    failed.add(e);
                }
            }, "bench-client-" + i);
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            t.join();
        }
        if (!failed.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a client failed: " + failed.peek());
            failed.forEach(e::addSuppressed);
            throw e;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A line of the run's log, with the time (UTC) it was written, to find a phase in a flight recording. */
    private static void log(String format, Object... values) {
        System.out.println("[bench " + java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0) + "] "
                + String.format(Locale.ROOT, format, values));
        System.out.flush();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
