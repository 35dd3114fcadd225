package fi.collabmaturity.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over real HTTP: a study recorded by an admin and a researcher (interviews, findings recoded and
 * withdrawn, self-assessments with comments, a wave closed and reopened, an erasure), next to another study whose
 * events must not show. Every filter is checked against the unfiltered trail; personal data must never appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTest {

    static final Path dataDir = TestData.freshFolder("audit");
    static final String PSEUDONYM = "AUDIT-PSEUDO-4c1d";
    static final String EXCERPT = "AUDIT-EXCERPT-77e2 the director never answers";
    static final String COMMENT = "AUDIT-COMMENT-0b9a about resources";
    static final String S = "/api/v1/studies/audited";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "audit-admin");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    ProjectionAdmin projections;

    ApiClient admin;
    ApiClient rita;
    ApiClient vera;
    long head;
    /** The study's whole trail, unfiltered, in log order. */
    List<JsonNode> all;

    @BeforeAll
    void recordAStudy() {
        admin = new ApiClient(port, "admin", "audit-admin");
        created(admin.post("/api/v1/accounts",
                "{\"username\":\"rita\",\"password\":\"rita-secret-1\",\"roles\":[\"RESEARCHER\"]}"));
        created(admin.post("/api/v1/accounts",
                "{\"username\":\"vera\",\"password\":\"vera-secret-1\",\"roles\":[\"VIEWER\"]}"));
        rita = admin.as("rita", "rita-secret-1");
        vera = admin.as("vera", "vera-secret-1");

        created(admin.post("/api/v1/studies", Slice.study("audited")));
        created(admin.post(S + "/members", "{\"username\":\"rita\",\"role\":\"RESEARCHER\"}"));
        created(admin.post(S + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        created(admin.post(S + "/waves", Slice.wave("w1")));
        created(admin.post(S + "/waves", "{\"id\":\"w2\",\"label\":\"2024\",\"opensOn\":\"2024-09-01\","
                + "\"closesOn\":\"2024-12-31\"}"));
        created(admin.post(S + "/areas", Slice.area("a1")));
        created(admin.post(S + "/areas", Slice.area("a2")));

        created(rita.post(S + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"" + PSEUDONYM + "\",\"organisationType\":\"parish\","
                + "\"actorLevel\":\"operations\"},\"areaIds\":[\"a1\",\"a2\"]}"));
        for (int i = 1; i <= 3; i++) {
            created(rita.post(S + "/interviews/i1/findings", "{\"id\":\"f" + i + "\",\"areaId\":\"a" + (i == 3 ? 2 : 1)
                    + "\",\"dimension\":\"trust\",\"stage\":2,\"codes\":[\"reactive\"],\"excerpt\":\"" + EXCERPT + "\"}"));
        }
        ok(rita.sendWithHeader("PUT", S + "/interviews/i1/findings/f1", "If-Match", "\"1\"",
                "{\"areaId\":\"a1\",\"dimension\":\"goals\",\"stage\":3,\"codes\":[\"shared goals\"],"
                        + "\"excerpt\":\"" + EXCERPT + "\"}"));
        ok(rita.send("DELETE", S + "/interviews/i1/findings/f2", "application/json",
                "{\"reason\":\"double entry\"}"));
        String sa1 = created(rita.post(S + "/self-assessments", "{\"areaId\":\"a1\",\"waveId\":\"w1\","
                + "\"respondent\":{\"pseudonym\":\"" + PSEUDONYM + "\",\"organisationType\":\"parish\","
                + "\"actorLevel\":\"operations\"},\"answers\":{\"trust\":2.5},\"comments\":{\"trust\":\"" + COMMENT
                + "\"}}")).json().path("id").asText();
        created(rita.post(S + "/self-assessments", Slice.selfAssessment("a2", "w2", "R2", "{\"goals\":1.5}")));
        ok(admin.send("DELETE", S + "/self-assessments/" + sa1, "application/json",
                "{\"reason\":\"entered in the wrong area\"}"));
        ok(admin.post(S + "/waves/w1/close", ""));
        ok(admin.post(S + "/waves/w1/reopen", "{\"reason\":\"late replies\"}"));
        ok(admin.post(S + "/participants/" + PSEUDONYM + "/erasure", ""));

        // another study: none of its events belongs to this one's trail
        created(admin.post("/api/v1/studies", Slice.study("elsewhere")));
        created(admin.post("/api/v1/studies/elsewhere/waves", Slice.wave("w1")));
        head = positions.head();
        all = entries(admin.get(S + "/audit?size=500&minPosition=" + head));
    }

    @Test
    void recordsWhoDidWhatToWhichAggregateInLogOrder() {
        assertThat(all).extracting(e -> e.path("action").asText()).containsExactly(
                "StudyCreated", "StudyMemberAdded", "StudyMemberAdded", "WaveCreated", "WaveCreated",
                "AreaRegistered", "AreaRegistered",
                "InterviewRecorded", "FindingRecorded", "FindingRecorded", "FindingRecorded", "FindingRecoded",
                "FindingWithdrawn",
                // each answer takes its respondent's slot in the same unit of work; its withdrawal frees it
                "RespondentSlotTaken", "SelfAssessmentSubmitted", "RespondentSlotTaken", "SelfAssessmentSubmitted",
                "SelfAssessmentWithdrawn", "RespondentSlotFreed",
                "WaveClosed", "WaveReopened", "ParticipantErased");
        assertThat(all).extracting(e -> e.path("user").asText()).containsExactly(
                "admin", "admin", "admin", "admin", "admin", "admin", "admin",
                "rita", "rita", "rita", "rita", "rita", "rita", "rita", "rita", "rita", "rita",
                "admin", "admin", "admin", "admin", "admin");
        long previous = 0;
        for (JsonNode entry : all) {
            assertThat(entry.path("position").asLong()).as("log order").isGreaterThan(previous);
            previous = entry.path("position").asLong();
            assertThat(Instant.parse(entry.path("time").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(entry.path("eventId").asText()).isNotBlank();
            assertThat(entry.path("summary").path("studyId").asText()).isEqualTo("audited");
        }
        JsonNode created = all.get(0);
        assertThat(created.path("aggregate").path("type").asText()).isEqualTo("Study");
        assertThat(created.path("aggregate").path("id").asText()).isEqualTo("audited");
        assertThat(created.path("aggregate").path("sequence").asLong()).isZero();
        JsonNode area = all.get(5);
        assertThat(area.path("aggregate").path("type").asText()).isEqualTo("Area");
        assertThat(area.path("aggregate").path("id").asText()).isEqualTo("audited/area/a1");
        assertThat(area.path("summary").path("areaId").asText()).isEqualTo("a1");

        JsonNode recoded = all.get(11);
        assertThat(recoded.path("aggregate").path("type").asText()).isEqualTo("Interview");
        assertThat(recoded.path("summary").path("findingId").asText()).isEqualTo("f1");
        assertThat(recoded.path("summary").path("dimension").asText()).isEqualTo("goals");
        assertThat(recoded.path("summary").path("stage").asInt()).isEqualTo(3);
        assertThat(recoded.path("summary").path("revision").asInt()).isEqualTo(2);
        assertThat(recoded.path("summary").path("waveId").asText()).isEqualTo("w1");
        assertThat(all.get(12).path("summary").path("reason").asText()).isEqualTo("double entry");
        assertThat(all.get(17).path("summary").path("reason").asText()).isEqualTo("entered in the wrong area");
        assertThat(all.get(20).path("summary").path("reason").asText()).isEqualTo("late replies");
        JsonNode erasure = all.get(21);
        assertThat(erasure.path("aggregate").path("type").asText()).isEqualTo("Study");
        assertThat(erasure.path("summary").path("participant").asText()).hasSize(36);
    }

    @Test
    void neverShowsPersonalData() {
        String body = admin.get(S + "/audit?size=500").body();
        for (String secret : List.of(PSEUDONYM, EXCERPT, COMMENT, "AUDIT-", "ciphertext", "parish", "operations",
                "informantDetails", "respondentDetails", "excerpt", "comments", "answers")) {
            assertThat(body).as(secret).doesNotContain(secret);
        }
        // the summaries carry nothing beyond the allowed fields
        for (JsonNode entry : all) {
            entry.path("summary").fieldNames().forEachRemaining(field -> assertThat(field).isIn(
                    "studyId", "areaId", "waveId", "interviewId", "findingId", "segmentId", "selfAssessmentId",
                    "participant", "dimension", "stage", "revision", "reason", "role", "username", "frameworkId",
                    "frameworkVersion", "regionCode", "interfaceTheme", "areaIds"));
        }
    }

    @Test
    void filtersByUserActionAreaWaveAndTime() {
        assertFilter("user=rita", e -> e.path("user").asText().equals("rita"), 10);
        assertFilter("action=FindingRecorded", e -> e.path("action").asText().equals("FindingRecorded"), 3);
        assertFilter("user=admin&action=StudyMemberAdded", e -> e.path("action").asText().equals("StudyMemberAdded"),
                2);
        // a2: its registration, the interview about a1 and a2, finding f3, the self-assessment in a2 and its slot
        assertFilter("areaId=a2", e -> e.path("summary").path("areaId").asText().equals("a2")
                || e.path("summary").path("areaIds").toString().contains("\"a2\""), 5);
        assertFilter("waveId=w2", e -> e.path("summary").path("waveId").asText().equals("w2"), 3);
        assertFilter("areaId=a1&waveId=w1&user=rita", e -> e.path("user").asText().equals("rita")
                && e.path("summary").path("waveId").asText().equals("w1")
                && (e.path("summary").path("areaId").asText().equals("a1")
                || e.path("summary").path("areaIds").toString().contains("\"a1\"")), 7);

        Instant middle = Instant.parse(all.get(9).path("time").asText());
        Instant later = Instant.parse(all.get(15).path("time").asText());
        assertFilter("from=" + encode(middle), e -> !Instant.parse(e.path("time").asText()).isBefore(middle), -1);
        assertFilter("to=" + encode(later), e -> Instant.parse(e.path("time").asText()).isBefore(later), -1);
        assertFilter("from=" + encode(middle) + "&to=" + encode(later), e -> {
            Instant t = Instant.parse(e.path("time").asText());
            return !t.isBefore(middle) && t.isBefore(later);
        }, -1);
        assertThat(entries(admin.get(S + "/audit?user=nobody")).size()).isZero();
        assertThat(entries(admin.get(S + "/audit?action=AccountCreated"))).as("accounts are no study's").isEmpty();
    }

    @Test
    void pagesAndOrders() {
        ApiClient.Response page = admin.get(S + "/audit?page=1&size=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.json().path("size").asInt()).isEqualTo(5);
        assertThat(page.json().path("totalElements").asLong()).isEqualTo(all.size());
        assertThat(ids(entries(page))).isEqualTo(ids(all.subList(5, 10)));
        assertThat(entries(admin.get(S + "/audit?page=9&size=5"))).isEmpty();

        List<JsonNode> newestFirst = entries(admin.get(S + "/audit?size=500&order=desc"));
        List<String> reversed = new ArrayList<>(ids(all));
        java.util.Collections.reverse(reversed);
        assertThat(ids(newestFirst)).isEqualTo(reversed);

        assertThat(admin.get(S + "/audit?size=500").status()).isEqualTo(200);
        assertThat(admin.get(S + "/audit?size=501").status()).isEqualTo(400);
        ApiClient.Response badTime = admin.get(S + "/audit?from=yesterday&to=2024-01-01");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badTime.json().path("errors").toString()).contains("\"from\"").contains("\"to\"");
        assertThat(admin.get(S + "/audit?order=sideways").status()).isEqualTo(400);
    }

    @Test
    void isForAdminsOnly() {
        assertThat(rita.get(S + "/audit").status()).as("a researcher of the study").isEqualTo(403);
        assertThat(vera.get(S + "/audit").status()).as("a viewer of the study").isEqualTo(403);
        assertThat(rita.get("/api/v1/studies/elsewhere/audit").status()).as("a study rita cannot see")
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/studies/no-such-study/audit").status()).isEqualTo(404);
        assertThat(new ApiClient(port, null, null).get(S + "/audit").status()).isEqualTo(401);
    }

    @Test
    void isTheSameAfterARebuildFromTheEventLog() throws InterruptedException {
        assertThat(admin.post("/api/v1/admin/projections/audit/replay", "").status()).isEqualTo(202);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!projections.caughtUp("audit", head) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(entries(admin.get(S + "/audit?size=500&minPosition=" + head)).toString())
                .isEqualTo(all.toString());
    }

    private void assertFilter(String query, Predicate<JsonNode> expected, int expectedCount) {
        List<JsonNode> filtered = entries(admin.get(S + "/audit?size=500&" + query));
        List<JsonNode> wanted = all.stream().filter(expected).toList();
        assertThat(ids(filtered)).as(query).isEqualTo(ids(wanted));
        assertThat(filtered).as(query + " selects something").isNotEmpty();
        assertThat(filtered.size()).as(query + " leaves something out").isLessThan(all.size());
        if (expectedCount >= 0) {
            assertThat(filtered).as(query).hasSize(expectedCount);
        }
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("eventId").asText()).toList();
    }

    private static List<JsonNode> entries(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        response.json().path("content").forEach(out::add);
        return out;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201, 202, 204);
        return response;
    }
}
