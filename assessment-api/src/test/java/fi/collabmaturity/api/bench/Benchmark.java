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
    private static final String MARKER = "## Latest run";

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
                    + "[--seed=2025] [--work=DIR] [--out=BENCHMARKS.md] [--heap=1g] [--jfr] [--query-rounds=250] "
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
            awaitPreparedResults();
            queries(study);
            ingestHttpFloor(answers);
            eventsTotal = replay();
        } finally {
            app = null;
        }
        figures.put("events_total", eventsTotal);
        baselines(data, answers.size());
        export(data);
        ingestByImport(setup, answers);
        notes.add("load average at the end (1, 5, 15 min): " + loadAverage()
                + " (other builds share this machine: figures from a loaded machine are lower bounds)");
        report(study, seed, scale);
    }

    /**
     * Only the query phase, on the data folder of an earlier run at the same scale and seed (for profiling the
     * reads without ingesting again), after one write of its own and the results prepared, as in a full run; prints
     * the figures, writes nothing to BENCHMARKS.md.
     */
    private void queriesOnly(NationalStudy study, Path data) throws Exception {
        try (AppProcess app = startOn(data, "queries")) {
            port = app.port;
            awaitProjections("at start");
            // a write of its own (a study beside the national one), as the ingest is in a full run: the application
            // prepares results after a change of its read models, not for the state it finds at start
            String touch = "bench-touch-" + UUID.randomUUID().toString().substring(0, 8);
            post(new NationalStudy.Write("/api/v1/studies", json.writeValueAsString(Map.of("id", touch,
                    "title", "Benchmark: a change before the query phase", "frameworkId", "keast-mandell-2014"))));
            awaitProjections("after a change");
            awaitPreparedResults();
            Duration appCpu = app.cpu();
            Duration benchCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            long t = System.nanoTime();
            queries(study);
            log("queries: %.1f s wall, application CPU %.1f s, benchmark client CPU %.1f s", seconds(t),
                    app.cpu().minus(appCpu).toMillis() / 1e3, ProcessHandle.current().info().totalCpuDuration()
                            .orElse(Duration.ZERO).minus(benchCpu).toMillis() / 1e3);
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
        String nowhere = "/api/v1/studies/bench-no-such-study/";
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
        figures.put("ingest_http_floor_per_s", bodies.size() / s);
        log("ingest floor: %d self-assessments to a study that does not exist (404) in %.1f s = %.1f/s (8 clients);"
                + " %s", bodies.size(), s, bodies.size() / s, cpu.per(bodies.size(), "ingest_http_floor"));
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
        List<String> waves = study.waves();
        List<NationalStudy.Area> areas = study.areas();
        String base = "/api/v1/studies/" + NationalStudy.STUDY;
        int rounds = Integer.parseInt(args.getOrDefault("query-rounds", "250"));
        Map<String, long[]> latencies = new LinkedHashMap<>();
        for (String kind : List.of("profile", "path", "overview")) {
            latencies.put(kind, new long[CLIENTS * rounds]);
        }
        AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        // warm-up, not measured: the same mix from 8 clients (other random streams) until the JIT has compiled the
        // read paths; a few hundred sequential requests left the compilers busy for a third of the measured phase
        int warmUp = Integer.parseInt(args.getOrDefault("warm-up-rounds", "100"));
        parallel(CLIENTS, client -> {
            SplittableRandom random = new SplittableRandom(1000 + client);
            for (int r = 0; r < warmUp; r++) {
                String area = areas.get(random.nextInt(areas.size())).id();
                String wave = waves.get(random.nextInt(waves.size()));
                timedGet(base + "/areas/" + area + "/profile?waveId=" + wave);
                timedGet(base + "/areas/" + area + "/path?lang=" + List.of("fi", "sv", "en").get(r % 3));
                timedGet(base + "/overview?waveId=" + wave);
            }
        });
        Map<String, Double> cacheBefore = resultCacheCounts();
        parallel(CLIENTS, client -> {
            SplittableRandom random = new SplittableRandom(client);
            for (int r = 0; r < rounds; r++) {
                String area = areas.get(random.nextInt(areas.size())).id();
                String wave = waves.get(random.nextInt(waves.size()));
                latencies.get("profile")[counts[0].getAndIncrement()] =
                        timedGet(base + "/areas/" + area + "/profile?waveId=" + wave);
                latencies.get("path")[counts[1].getAndIncrement()] =
                        timedGet(base + "/areas/" + area + "/path?lang=" + List.of("fi", "sv", "en").get(r % 3));
                latencies.get("overview")[counts[2].getAndIncrement()] = timedGet(base + "/overview?waveId=" + wave);
            }
        });
        Map<String, Double> cacheAfter = resultCacheCounts();
        double hits = cacheAfter.getOrDefault("hit", 0.0) - cacheBefore.getOrDefault("hit", 0.0);
        double misses = cacheAfter.getOrDefault("miss", 0.0) - cacheBefore.getOrDefault("miss", 0.0);
        figures.put("query_result_cache_hit_ratio", hits + misses == 0 ? 0 : hits / (hits + misses));
        log("queries: %.0f results served from the result cache, %.0f computed", hits, misses);
        for (Map.Entry<String, long[]> e : latencies.entrySet()) {
            long[] sorted = e.getValue().clone();
            Arrays.sort(sorted);
            double p50 = percentile(sorted, 0.50) / 1e6;
            double p99 = percentile(sorted, 0.99) / 1e6;
            figures.put(e.getKey() + "_p50_ms", p50);
            figures.put(e.getKey() + "_p90_ms", percentile(sorted, 0.90) / 1e6);
            figures.put(e.getKey() + "_p95_ms", percentile(sorted, 0.95) / 1e6);
            figures.put(e.getKey() + "_p99_ms", p99);
            log("query %-8s n=%d p50 %.1f ms p90 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms", e.getKey(),
                    sorted.length, p50, percentile(sorted, 0.90) / 1e6, percentile(sorted, 0.95) / 1e6, p99,
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    /**
     * Waits until the application has prepared the results of the study it now holds (ResultPrimer: it starts once
     * the read models have stayed unchanged for 5 s), so that the query phase measures reads, not reads beside
     * that background work: until its count of prepared results has grown and then stopped growing for 3 s (a pass
     * runs without pauses), or has not grown within a minute (priming switched off).
     */
    private void awaitPreparedResults() throws InterruptedException {
        long t = System.nanoTime();
        double before = resultCacheCounts().getOrDefault("primed", 0.0);
        double last = before;
        int still = 0;
        while (still < 3 && System.nanoTime() - t < Duration.ofMinutes(5).toNanos()
                && (last > before || System.nanoTime() - t < Duration.ofMinutes(1).toNanos())) {
            Thread.sleep(1_000);
            double primed = resultCacheCounts().getOrDefault("primed", 0.0);
            still = primed > before && primed == last ? still + 1 : 0;
            last = primed;
        }
        log("results prepared by the application: %.0f, waited %.1f s", last - before, seconds(t));
        figures.put("results_prepared", last - before);
    }

    /** The application's result-cache counters ({@code assessment_result_cache_requests_total}) by outcome. */
    private Map<String, Double> resultCacheCounts() {
        Map<String, Double> counts = new HashMap<>();
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith("assessment_result_cache_requests_total{")) {
                String outcome = line.replaceAll(".*outcome=\"([a-z]+)\".*", "$1");
                counts.merge(outcome, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return counts;
    }

    /**
     * One request, timed from sending to the last byte of the body received, through the JDK's blocking
     * {@link HttpURLConnection} (kept-alive connections, one per reader). The body is read into a buffer of the
     * reader's own and counted, not kept or decoded. Why not {@link HttpClient} as elsewhere: its synchronous
     * send hands every request and response between its selector thread and the caller, and with 8 readers on
     * two cores shared with the application those hand-offs and its own CPU (2.2 ms per request, about 40% of the
     * application's) were part of the measured latency (BENCHMARKS.md item 13).
     */
    private long timedGet(String path) {
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
        if (status != 200 || length == 0) {
            throw new IllegalStateException("GET " + path + " -> " + status);
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
        ratio("ingest_http_floor_ratio", "ingest_http_floor_per_s", "ingest_baseline_per_s");
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

    private void export(Path data) throws Exception {
        Path gcLog = work.resolve("export-gc.log");
        List<String> jvm = List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog);
        try (AppProcess app = AppProcess.start(data, PASSWORD, work.resolve("app-export.log"), jvm)) {
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
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/api/v1/studies/"
                            + NationalStudy.STUDY + "/export?include=excerpts,comments"))
                    .header("Authorization", auth).timeout(Duration.ofMinutes(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
            }
            double s = seconds(t);
            sampler.interrupt();
            sampler.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export: " + response.statusCode());
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
                    + "-Xmx256m", bytes, s, peakMb, gcPeak, collections, sampledPeak.get() / (1024 * 1024));
        }
    }

    // ---------------------------------------------------------------------------------------------- report

    private void report(NationalStudy study, long seed, double scale) throws IOException {
        Path out = Path.of(args.getOrDefault("out", "BENCHMARKS.md")).toAbsolutePath();
        String prefix = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n\n";
        int at = prefix.indexOf(MARKER);
        prefix = at >= 0 ? prefix.substring(0, at) : prefix + "\n";
        StringBuilder b = new StringBuilder(prefix).append(MARKER).append("\n\n");
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        b.append("Written by `bench/run` (").append(Benchmark.class.getName()).append(").\n\n");
        b.append("- date: ").append(date).append('\n');
        b.append("- cores: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        b.append("- java: ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        b.append("- scale: ").append(scale).append(" (seed ").append(seed).append("): ").append(study.areas().size())
                .append(" areas, ").append(study.waves().size()).append(" waves, ")
                .append(study.areas().size() * study.waves().size() * NationalStudy.RESPONDENTS)
                .append(" self-assessments, ").append(study.interviewAreas().size())
                .append(" interview areas\n");
        b.append("- application heap: ").append(args.getOrDefault("heap", "1g"))
                .append(" for ingest, queries and replay; 256m for the export\n");
        for (String note : notes) {
            b.append("- ").append(note).append('\n');
        }
        b.append('\n');
        b.append("| figure | value | target |\n|---|---|---|\n");
        row(b, "ingest, self-assessments/s (HTTP, 8 clients)", "ingest_per_s", null);
        row(b, "ingest baseline, event rows/s (JDBC batches)", "ingest_baseline_per_s", null);
        row(b, "ingest ratio", "ingest_ratio", ">= 0.25");
        cpuRow(b, "ingest, CPU per self-assessment, application / harness, ms", "ingest");
        row(b, "HTTP floor: the same requests to a study that does not exist (404), requests/s",
                "ingest_http_floor_per_s", null);
        row(b, "HTTP floor, ratio to the same baseline (the most any HTTP submission could reach here)",
                "ingest_http_floor_ratio", null);
        cpuRow(b, "HTTP floor, CPU per request, application / harness, ms", "ingest_http_floor");
        row(b, "interview and finding writes/s (HTTP, 8 clients)", "ingest_interview_writes_per_s", null);
        row(b, "ingest by import, self-assessments/s (a CSV per area and wave, 8 clients)", "ingest_import_per_s",
                null);
        row(b, "ingest by import, ratio to the same baseline", "ingest_import_ratio", null);
        row(b, "replay, events/s (all projections from zero)", "replay_per_s", null);
        row(b, "replay baseline, events/s (JDBC read + deserialize)", "replay_baseline_per_s", null);
        row(b, "replay ratio", "replay_ratio", ">= 0.33");
        row(b, "replay floor, s (3 Axon processors that only deserialize, no read models)", "replay_floor_s", null);
        row(b, "replay floor, ratio to the same baseline (the most a replay through them could reach here)",
                "replay_floor_ratio", null);
        row(b, "replay store floor, s (the final read models bulk-inserted into a fresh embedded store)",
                "replay_store_floor_s", null);
        row(b, "replay store floor, ratio to the same baseline", "replay_store_floor_ratio", null);
        row(b, "replay total, s", "replay_total_s", "< 180 (half a million events)");
        for (String kind : List.of("profile", "path", "overview")) {
            row(b, kind + " p50, ms", kind + "_p50_ms", null);
            b.append("| ").append(kind).append(" p90 / p95, ms | ").append(format(figures.get(kind + "_p90_ms")))
                    .append(" / ").append(format(figures.get(kind + "_p95_ms"))).append(" |  |\n");
            row(b, kind + " p99, ms", kind + "_p99_ms", kind.equals("overview") ? "< 100" : "< 25");
        }
        row(b, "results the application prepared before the query phase", "results_prepared", null);
        row(b, "share of measured reads served from the result cache", "query_result_cache_hit_ratio", null);
        row(b, "export, s (with excerpts and comments)", "export_s", "< 60");
        row(b, "export peak heap, MB (-Xmx256m)", "export_peak_heap_mb", "<= 256");
        row(b, "export zip, bytes", "export_zip_bytes", null);
        row(b, "events in the log", "events_total", null);
        // the file ends with the latest run as plain name: value lines, one per figure, as the issue asks
        StringBuilder plain = new StringBuilder();
        for (String name : List.of("ingest_per_s", "ingest_baseline_per_s", "ingest_ratio", "replay_per_s",
                "replay_baseline_per_s", "replay_ratio", "replay_total_s", "profile_p99_ms", "path_p99_ms",
                "overview_p99_ms", "export_s", "export_peak_heap_mb", "events_total")) {
            plain.append(name).append(": ").append(format(figures.get(name))).append('\n');
        }
        b.append("\nThe latest run, one figure a line:\n\n").append(plain);
        Files.writeString(out, b.toString());
        System.out.println();
        System.out.print(plain);
        System.out.println("written to " + out);
    }

    private void row(StringBuilder b, String label, String key, String target) {
        b.append("| ").append(label).append(" | ").append(format(figures.get(key))).append(" | ")
                .append(target == null ? "" : target).append(" |\n");
    }

    private void cpuRow(StringBuilder b, String label, String phase) {
        b.append("| ").append(label).append(" | ").append(format(figures.get(phase + "_app_cpu_ms"))).append(" / ")
                .append(format(figures.get(phase + "_harness_cpu_ms"))).append(" |  |\n");
    }

    private static String format(Object value) {
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

    private static void log(String format, Object... values) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, values));
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
