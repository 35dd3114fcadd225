package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.AppProcess;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing accepted is ever lost: the application runs as its own process, several clients write concurrently,
 * the process is killed with SIGKILL in the middle, and after a restart on the same data every acknowledged write
 * is there, no refused write is, and the read models equal a rebuild from zero.
 */
class CrashIT {

    static final int CLIENTS = 6;
    static final int KILL_AFTER_ACKNOWLEDGED = 1500;

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringConcurrentWrites() throws Exception {
        killDuringWritesAndRestart("crash", Map.of());
    }

    /** The same on the production event log: the events, keys and idempotency records in a real PostgreSQL. */
    @Test
    @RequiresPostgres
    void everyAcknowledgedWriteSurvivesAKillWithTheEventLogOnPostgres() throws Exception {
        RealPostgres.Database database = RealPostgres.newDatabase("crash");
        try {
            killDuringWritesAndRestart("crash-pg", database.environment());
            try (Connection c = database.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the events are in PostgreSQL").isGreaterThan(KILL_AFTER_ACKNOWLEDGED);
            }
        } finally {
            RealPostgres.drop(database);
        }
    }

    private void killDuringWritesAndRestart(String name, Map<String, String> storage) throws Exception {
        Path data = TestData.freshFolder(name);
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedFindings = ConcurrentHashMap.newKeySet();
        String s = "/api/v1/studies/crash";

        AppProcess first = AppProcess.start(data, "crash-admin-pw", log, storage);
        ApiClient api = new ApiClient(first.port, "admin", "crash-admin-pw");
        assertThat(api.post("/api/v1/studies", Slice.study("crash")).status()).isEqualTo(201);
        assertThat(api.post(s + "/waves", Slice.wave("w1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/areas", Slice.area("a1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"H1\",\"organisationType\":\"ngo\",\"actorLevel\":\"operations\"},"
                + "\"areaIds\":[\"a1\"]}").status()).isEqualTo(201);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger total = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        if (client == 0 && i % 3 == 0) {
                            // concurrent writes to one aggregate: findings of the same interview
                            String id = "f" + i;
                            ApiClient.Response r = api.post(s + "/interviews/i1/findings", "{\"id\":\"" + id
                                    + "\",\"areaId\":\"a1\",\"dimension\":\"goals\",\"stage\":" + (1 + i % 3) + "}");
                            if (r.status() == 201) {
                                acknowledgedFindings.add(id);
                            }
                            continue;
                        }
                        String id = "c" + client + "-" + i;
                        boolean valid = i % 7 != 0;
                        ApiClient.Response r = api.post(s + "/self-assessments", "{\"id\":\"" + id + "\","
                                + "\"areaId\":\"a1\",\"waveId\":\"w1\",\"respondent\":{\"pseudonym\":\"R" + client
                                + "-" + i + "\",\"organisationType\":\"municipality\",\"actorLevel\":\"operations\"},"
                                + "\"answers\":{\"trust\":" + (valid ? 1.0 + (i % 5) * 0.5 : 3.5) + ",\"goals\":2.0}}");
                        if (r.status() == 201) {
                            acknowledged.add(id);
                            total.incrementAndGet();
                        } else if (r.status() == 400) {
                            refused.add(id);
                        }
                    } catch (RuntimeException connectionLost) {
                        // the process was killed under this request: its outcome is unknown to the client
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (total.get() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.kill();
        stop.set(true);
        for (Thread thread : clients) {
            thread.join(30_000);
        }
        assertThat(acknowledged.size()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(
                KILL_AFTER_ACKNOWLEDGED);
        assertThat(refused).isNotEmpty();

        try (AppProcess second = AppProcess.start(data, "crash-admin-pw", log, storage)) {
            ApiClient after = new ApiClient(second.port, "admin", "crash-admin-pw");
            long position = after.post(s + "/waves", Slice.wave("w2")).position();
            Set<String> listed = selfAssessments(after, s, position);
            assertThat(listed).as("every acknowledged self-assessment is recorded (" + listed.size() + " listed, "
                    + acknowledged.size() + " acknowledged, at " + position + "; "
                    + after.get("/api/v1/admin/projections").body() + ")").containsAll(acknowledged);
            Set<String> refusedButListed = new HashSet<>(refused);
            refusedButListed.retainAll(listed);
            assertThat(refusedButListed).as("no refused self-assessment is recorded").isEmpty();
            JsonNode interview = ok(after, s + "/interviews/i1?minPosition=" + position);
            Set<String> findings = new HashSet<>();
            interview.path("findings").forEach(f -> findings.add(f.path("id").asText()));
            assertThat(findings).as("every acknowledged finding is recorded").containsAll(acknowledgedFindings);

            JsonNode profile = ok(after, s + "/areas/a1/profile?waveId=w1&minPosition=" + position);
            assertThat(profile.path("dimensions").get(0).path("sources").path("selfAssessments").path("n").asInt())
                    .isEqualTo(listed.size());
            for (String processor : List.of("studies", "maturity")) {
                assertThat(after.post("/api/v1/admin/projections/" + processor + "/replay", "").status())
                        .isEqualTo(202);
            }
            awaitRebuilt(after, position);
            assertThat(selfAssessments(after, s, position)).as("read model after a rebuild").isEqualTo(listed);
            JsonNode rebuilt = ok(after, s + "/areas/a1/profile?waveId=w1&minPosition=" + position);
            assertThat(rebuilt.path("dimensions")).as("profile after a rebuild").isEqualTo(profile.path("dimensions"));
            assertThat(rebuilt.path("overall")).isEqualTo(profile.path("overall"));
        }
    }

    private static Set<String> selfAssessments(ApiClient api, String s, long position) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode list = ok(api, s + "/self-assessments?areaId=a1&size=500&page=" + page + "&minPosition="
                    + position);
            list.path("content").forEach(sa -> ids.add(sa.path("id").asText()));
            if ((long) (page + 1) * 500 >= list.path("totalElements").asLong()) {
                return ids;
            }
        }
    }

    /** A read that may answer 503 (results not yet up to date) while the restarted app catches up: retried. */
    private static JsonNode ok(ApiClient api, String path) {
        for (int attempt = 0; attempt < 30; attempt++) {
            ApiClient.Response response = api.get(path);
            if (response.status() == 200) {
                return response.json();
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isNotNull();
        }
        throw new AssertionError("still not up to date: " + path);
    }

    private static void awaitRebuilt(ApiClient api, long position) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (JsonNode p : api.get("/api/v1/admin/projections").json().path("projections")) {
                done &= p.path("position").asLong() >= position && !"replaying".equals(p.path("status").asText());
            }
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the projections were not rebuilt in time");
    }
}
