package fi.collabmaturity.api.security;

import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every endpoint probed by every kind of caller. The callers are an admin; a researcher and a
 * viewer who are members of the study; a researcher who is not a member (she must not even learn that the study
 * exists: 404, like a study that does not); and an anonymous client. Writes that are allowed use ids of their own
 * per caller, so every cell of the matrix is an independent fact.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    static final Path dataDir = TestData.freshFolder("role-matrix");
    static final String S = "/api/v1/studies/m";
    static final List<String> CALLERS = List.of("admin", "rita", "vera", "otto", "anonymous");
    /** 2 = any success (200, 201 or 202). */
    static final int OK = 2;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "matrix-admin-pw");
    }

    @LocalServerPort
    int port;
    final Map<String, ApiClient> clients = new LinkedHashMap<>();

    record Row(String method, String path, String body, int... expected) {
    }

    @BeforeAll
    void study() {
        ApiClient admin = new ApiClient(port, "admin", "matrix-admin-pw");
        clients.put("admin", admin);
        clients.put("rita", admin.createAccount("rita", "RESEARCHER"));
        clients.put("vera", admin.createAccount("vera", "VIEWER"));
        clients.put("otto", admin.createAccount("otto", "RESEARCHER"));
        clients.put("anonymous", new ApiClient(port, null, null));
        ok(admin.post("/api/v1/studies", Slice.study("m")));
        ok(admin.post(S + "/members", "{\"username\":\"rita\",\"role\":\"RESEARCHER\"}"));
        ok(admin.post(S + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        ok(admin.post(S + "/waves", Slice.wave("w1")));
        ok(admin.post(S + "/areas", Slice.area("a1")));
        ok(admin.post(S + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"INF-1\",\"organisationType\":\"municipality\","
                + "\"actorLevel\":\"leadership\"},\"areaIds\":[\"a1\"]}"));
        ok(admin.post(S + "/interviews/i1/findings", "{\"id\":\"f1\",\"areaId\":\"a1\",\"dimension\":\"trust\","
                + "\"stage\":2,\"codes\":[\"c1\"]}"));
        for (String who : CALLERS) {
            // accounts to be added as members, and members to be removed, one per caller
            admin.createAccount("m-" + who, "VIEWER");
            admin.createAccount("d-" + who, "VIEWER");
            ok(admin.post(S + "/members", "{\"username\":\"d-" + who + "\",\"role\":\"VIEWER\"}"));
            ok(admin.post(S + "/waves", Slice.wave("w-" + who)));
            ok(admin.post(S + "/self-assessments", "{\"id\":\"s-" + who + "\",\"areaId\":\"a1\",\"waveId\":\"w1\","
                    + "\"respondent\":{\"pseudonym\":\"P-" + who + "\",\"organisationType\":\"municipality\","
                    + "\"actorLevel\":\"operations\"},\"answers\":{\"trust\":2.0}}"));
            // a study at the older framework version per caller: each may be upgraded once
            String versioned = "/api/v1/studies/v-" + who;
            ok(admin.post("/api/v1/studies", "{\"id\":\"v-" + who + "\",\"title\":\"V\","
                    + "\"frameworkId\":\"keast-mandell-2014\",\"frameworkVersion\":\"1.0.0\"}"));
            ok(admin.post(versioned + "/members", "{\"username\":\"rita\",\"role\":\"RESEARCHER\"}"));
            ok(admin.post(versioned + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        }
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 202);
    }

    static List<Row> matrix() {
        String sa = "{\"areaId\":\"a1\",\"waveId\":\"w1\",\"respondent\":{\"pseudonym\":\"N-{who}\","
                + "\"organisationType\":\"ngo\",\"actorLevel\":\"operations\"},\"answers\":{\"goals\":2.5}}";
        String interview = "{\"waveId\":\"w1\",\"conductedOn\":\"2023-10-02\",\"informant\":{\"pseudonym\":"
                + "\"I-{who}\",\"organisationType\":\"ngo\",\"actorLevel\":\"operations\"},\"areaIds\":[\"a1\"]}";
        String finding = "{\"areaId\":\"a1\",\"dimension\":\"trust\",\"stage\":2,\"codes\":[\"c1\"],"
                + "\"excerpt\":\"quote\"}";
        String blocks = "{\"legalFrame\":\"in_place\",\"sharedSituationalPicture\":\"partial\",\"sharedGoals\":"
                + "\"partial\",\"responsibilities\":\"missing\",\"operatingModels\":\"partial\",\"forums\":\"in_place\"}";
        //                                                    admin rita vera otto anonymous
        return List.of(
                new Row("GET", "/api/v1/studies", null, OK, OK, OK, OK, 401),
                new Row("POST", "/api/v1/studies", Slice.study("st-{who}"), OK, OK, 403, OK, 401),
                new Row("GET", S, null, OK, OK, OK, 404, 401),
                new Row("GET", "/api/v1/studies/no-such-study", null, 404, 404, 404, 404, 401),
                new Row("POST", S + "/members", "{\"username\":\"m-{who}\",\"role\":\"VIEWER\"}", OK, OK, 403, 404, 401),
                new Row("GET", S + "/members", null, OK, OK, 403, 404, 401),
                new Row("DELETE", S + "/members/d-{who}", null, OK, OK, 403, 404, 401),
                new Row("PUT", S + "/scoring-policy", "{\"minimumN\":3}", OK, OK, 403, 404, 401),
                new Row("PUT", "/api/v1/studies/v-{who}/framework", "{\"version\":\"1.1.0\"}", OK, OK, 403, 404,
                        401),
                new Row("POST", S + "/waves", Slice.wave("nw-{who}"), OK, OK, 403, 404, 401),
                new Row("GET", S + "/waves", null, OK, OK, OK, 404, 401),
                new Row("POST", S + "/waves/w-{who}/close", "{}", OK, OK, 403, 404, 401),
                new Row("POST", S + "/areas", Slice.area("na-{who}"), OK, OK, 403, 404, 401),
                new Row("GET", S + "/areas", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/areas/a1", null, OK, OK, OK, 404, 401),
                new Row("PUT", S + "/areas/a1/building-blocks", blocks, OK, OK, 403, 404, 401),
                new Row("POST", S + "/areas/a1/forums", "{\"name\":\"Forum {who}\",\"level\":\"strategic\"}",
                        OK, OK, 403, 404, 401),
                new Row("POST", S + "/interviews", interview, OK, OK, 403, 404, 401),
                new Row("GET", S + "/interviews", null, OK, OK, 403, 404, 401),
                new Row("GET", S + "/interviews/i1", null, OK, OK, 403, 404, 401),
                new Row("POST", S + "/interviews/i1/findings", finding, OK, OK, 403, 404, 401),
                new Row("GET", S + "/interviews/i1/findings/f1", null, OK, OK, 403, 404, 401),
                new Row("POST", S + "/self-assessments", sa, OK, OK, 403, 404, 401),
                new Row("GET", S + "/self-assessments", null, OK, OK, 403, 404, 401),
                new Row("GET", S + "/self-assessments/s-admin", null, OK, OK, 403, 404, 401),
                new Row("DELETE", S + "/self-assessments/s-{who}", "{\"reason\":\"test\"}", OK, OK, 403, 404, 401),
                new Row("GET", S + "/areas/a1/profile?waveId=w1", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/areas/a1/trajectory", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/areas/a1/path", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/overview?waveId=w1", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/reliability?waveId=w1", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/situational-picture", null, OK, OK, OK, 404, 401),
                new Row("GET", S + "/export", null, OK, OK, 403, 404, 401),
                new Row("GET", S + "/audit", null, OK, 403, 403, 404, 401),
                new Row("POST", S + "/participants/P-{who}/erasure", null, OK, 403, 403, 403, 401),
                new Row("GET", "/api/v1/frameworks", null, OK, OK, OK, OK, 401),
                new Row("GET", "/api/v1/frameworks/keast-mandell-2014", null, OK, OK, OK, OK, 401),
                new Row("GET", "/api/v1/reference/regions", null, OK, OK, OK, OK, 401),
                new Row("GET", "/api/v1/reference/interface-themes", null, OK, OK, OK, OK, 401),
                new Row("POST", "/api/v1/reference/interface-themes",
                        "{\"code\":\"theme_{who}\",\"names\":{\"fi\":\"Teema\",\"sv\":\"Tema\",\"en\":\"Theme\"}}",
                        OK, 403, 403, 403, 401),
                new Row("GET", "/api/v1/accounts", null, OK, 403, 403, 403, 401),
                new Row("POST", "/api/v1/accounts",
                        "{\"username\":\"u-{who}\",\"password\":\"long-password-1\",\"roles\":[\"VIEWER\"]}",
                        OK, 403, 403, 403, 401),
                new Row("GET", "/api/v1/admin/projections", null, OK, 403, 403, 403, 401),
                new Row("GET", "/api/v1/admin/backup", null, OK, 403, 403, 403, 401),
                new Row("GET", "/actuator/prometheus", null, OK, 403, 403, 403, 401),
                new Row("GET", "/actuator/health", null, OK, OK, OK, OK, OK),
                new Row("GET", "/v3/api-docs", null, OK, OK, OK, OK, OK),
                new Row("POST", "/api/v1/admin/projections/studies/replay", null, OK, 403, 403, 403, 401));
    }

    @Test
    void everyCallerGetsExactlyWhatTheirRoleAllows() {
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            for (int c = 0; c < CALLERS.size(); c++) {
                String who = CALLERS.get(c);
                String path = row.path().replace("{who}", who);
                String body = row.body() == null ? null : row.body().replace("{who}", who);
                ApiClient.Response response = clients.get(who).send(row.method(), path,
                        body == null ? null : "application/json", body);
                int expected = row.expected()[c];
                boolean matches = expected == OK ? response.status() >= 200 && response.status() < 300
                        : response.status() == expected;
                if (!matches) {
                    wrong.add(who + " " + row.method() + " " + path + ": expected " + (expected == OK ? "2xx"
                            : expected) + " but got " + response);
                }
            }
        }
        assertThat(wrong).as("cells of the role matrix that differ").isEmpty();
    }
}
